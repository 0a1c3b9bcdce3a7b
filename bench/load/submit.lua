-- POST /bench/submit/<id> over a file of draft application ids (one a line), each id once: thread k of n takes the ids
-- k, k+n, k+2n ... A thread that runs out stops (wrk.thread:stop()); run.sh takes the rate from the submission times the
-- database recorded, so drafts running out before -d ends do not dilute it.
-- wrk -t <n> -s submit.lua <base url> -- <ids file> <n>
local threads = {}
local count = 0

function setup(thread)
  count = count + 1
  thread:set("index", count)
  table.insert(threads, thread)
end

function init(args)
  ids = {}
  for line in io.lines(args[1]) do
    if line ~= "" then table.insert(ids, line) end
  end
  nthreads = tonumber(args[2])
  pos = index
  ok, refused, other = 0, 0, 0
  wrk.method = "POST"
end

function request()
  local id = ids[pos]
  if id == nil then
    wrk.thread:stop()
    return wrk.format("POST", "/bench/submit/0")
  end
  pos = pos + nthreads
  return wrk.format("POST", "/bench/submit/" .. id)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 elseif status == 409 then refused = refused + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local o, r, x = 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok")
    r = r + t:get("refused")
    x = x + t:get("other")
  end
  io.write(string.format("STATUS ok=%d refused=%d other=%d\n", o, r, x))
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    o / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
