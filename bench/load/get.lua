-- GET of one path with an optional Cookie header (a signed-in reviewer), counting answers by status.
-- wrk -s get.lua <url> -- <cookie or "">   (the path is the URL's)
local counts = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  if args[1] and args[1] ~= "" then
    wrk.headers["Cookie"] = args[1]
  end
  ok, other = 0, 0
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local o, x = 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok")
    x = x + t:get("other")
  end
  io.write(string.format("STATUS ok=%d other=%d\n", o, x))
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    o / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
