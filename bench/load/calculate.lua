-- POST /api/v1/calculations with a three-claim body (two articles of one project contest under 从优不重复).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = [[{ "district": "shijingshan", "year": 2026, "claims": [
    { "id": "c1", "clause": "shijingshan.4.1", "project": "p1", "amount": 50000000 },
    { "id": "c2", "clause": "shijingshan.4.2", "project": "p1", "amount": 8000000 },
    { "id": "c3", "clause": "shijingshan.5.3", "project": "p2", "amount": 3200000 } ] }]]
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
