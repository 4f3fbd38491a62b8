-- bench/http/match.lua: wrk script for POST /match/default. Each request carries one
-- query: the APT31 case (Ni Gaobin with his date of birth, Zhao Guangzong, Wuhan XRZ,
-- Violet Typhoon) one time in four, else a random two- or three-word name, so that most
-- requests look like a customer who is on no list. Prints one RESULT line at the end.

local apt31 = {
  '{"schema": "Person", "properties": {"name": ["Ni Gaobin"], "birthDate": ["1985-10-27"]}}',
  '{"schema": "Person", "properties": {"name": ["Zhao Guangzong"], "nationality": ["cn"]}}',
  '{"schema": "Company", "properties": {"name": ["Wuhan Xiaoruizhi Science and Technology Co., Ltd."]}}',
  '{"schema": "Organization", "properties": {"name": ["Violet Typhoon"]}}',
}
local syllables = {"an", "bel", "car", "do", "el", "fa", "gor", "han", "is", "jo", "ka", "li",
  "mar", "no", "ol", "per", "qui", "ros", "sa", "tin", "ur", "va", "wen", "xi", "yan", "zo"}

local function word()
  local w = ""
  for _ = 1, math.random(2, 3) do w = w .. syllables[math.random(#syllables)] end
  return w:sub(1, 1):upper() .. w:sub(2)
end

local function random_query()
  local name = word() .. " " .. word()
  if math.random() < 0.3 then name = name .. " " .. word() end
  return '{"schema": "Person", "properties": {"name": ["' .. name .. '"]}}'
end

local bodies = {}
init = function(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000)
  for i = 1, 1000 do
    local q = (i % 4 == 0) and apt31[(i / 4) % #apt31 + 1] or random_query()
    bodies[i] = '{"queries": {"q": ' .. q .. '}}'
  end
end

local n = 0
request = function()
  n = n % #bodies + 1
  return wrk.format("POST", "/match/default", {["Content-Type"] = "application/json"}, bodies[n])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end
