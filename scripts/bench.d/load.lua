-- One wrk load for scripts/bench, configured by environment variables:
--   BENCH_NAME    label of the result line
--   BENCH_METHOD  GET or POST (default POST)
--   BENCH_BODY    request body; "{n}" becomes a number unique across threads and requests
--                 (fresh ids and emails, so every write is a new row), "{r}" a random
--                 number from 1 to BENCH_MAX (an existing customer), "{q}" one of
--                 BENCH_WORDS (space-separated) in turn (what staff type)
--   BENCH_TYPE    Content-Type of the body
--   BENCH_ORIGIN  Origin header (widgets and admin check it)
--   BENCH_COOKIE  Cookie header (the admin's session)
--   BENCH_SPREAD  when set, each request claims a random client address in X-Forwarded-For
--                 (the server trusts 127.0.0.1 as a proxy then): a flood from many networks
--   BENCH_STATUS  when set, answers are counted by status and printed as a STATUS line
--                 (slower: wrk calls back into Lua for every answer)
-- At the end it prints one line:
--   RESULT name requests seconds failed p50_ms p95_ms p99_ms
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local body, words, max, n, tid, spread
-- Answers by status class, per thread (globals: read back by done() through thread:get).
s2xx, s400, s401, s403, s422, s429, s503, s5xx, sother = 0, 0, 0, 0, 0, 0, 0, 0, 0
function init(args)
  wrk.method = os.getenv("BENCH_METHOD") or "POST"
  local h = wrk.headers
  h["Content-Type"] = os.getenv("BENCH_TYPE")
  h["Origin"] = os.getenv("BENCH_ORIGIN")
  h["Cookie"] = os.getenv("BENCH_COOKIE")
  -- A browser's agent: the analytics ingest drops requests without one as a bot's.
  h["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
  body = os.getenv("BENCH_BODY") or ""
  words = {}
  for w in string.gmatch(os.getenv("BENCH_WORDS") or "", "%S+") do table.insert(words, w) end
  max = tonumber(os.getenv("BENCH_MAX") or "1")
  spread = os.getenv("BENCH_SPREAD") ~= nil
  n = 0
  tid = tonumber(wrk.thread:get("tid"))
  math.randomseed(tid * 7919)
end

function request()
  n = n + 1
  local b = body
  if b ~= "" then
    b = b:gsub("{n}", string.format("%d%09d", tid, n))
    b = b:gsub("{r}", tostring(math.random(1, max)))
    if #words > 0 then b = b:gsub("{q}", words[(n % #words) + 1]) end
  end
  local headers = nil
  if spread then
    headers = { ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254)) }
  end
  if b ~= "" or headers then
    return wrk.format(nil, nil, headers, b ~= "" and b or nil)
  end
  return wrk.format()
end

if os.getenv("BENCH_STATUS") then
  function response(status, headers, body)
    if status >= 200 and status < 300 then s2xx = s2xx + 1
    elseif status == 400 then s400 = s400 + 1
    elseif status == 401 then s401 = s401 + 1
    elseif status == 403 then s403 = s403 + 1
    elseif status == 422 then s422 = s422 + 1
    elseif status == 429 then s429 = s429 + 1
    elseif status == 503 then s503 = s503 + 1
    elseif status >= 500 then s5xx = s5xx + 1
    else sother = sother + 1 end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local failed = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format("RESULT %s %d %.3f %d %.2f %.2f %.2f\n", os.getenv("BENCH_NAME"), summary.requests,
    summary.duration / 1e6, failed, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
  if os.getenv("BENCH_STATUS") then
    local names = { "s2xx", "s400", "s401", "s403", "s422", "s429", "s503", "s5xx", "sother" }
    local line = "STATUS " .. os.getenv("BENCH_NAME")
    for _, name in ipairs(names) do
      local total = 0
      for _, t in ipairs(threads) do total = total + (t:get(name) or 0) end
      line = line .. " " .. name:sub(2) .. "=" .. total
    end
    io.write(line .. "\n")
  end
end
