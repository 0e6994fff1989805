-- wrk script: POST /v1/screen with the bodies of the file named by
-- $BODIES, one JSON query per line, in rotation (bench/loadtest.sh writes
-- it from the dev customers and bench/listed.jsonl).
local bodies = {}
local i = 0
init = function(args)
  for line in io.lines(os.getenv("BODIES")) do
    bodies[#bodies + 1] = line
  end
end
request = function()
  i = i + 1
  return wrk.format("POST", "/v1/screen", {["Content-Type"] = "application/json"}, bodies[(i % #bodies) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, 4xx/5xx %d, socket errors %d, rps %.0f, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
