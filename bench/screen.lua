-- wrk script: POST /v1/screen with a rotating mix of realistic queries:
-- listed names as a bank would type them (misspelled, reordered, other
-- scripts, with birth dates) and ordinary customers who are not listed.
-- Usage: wrk -t2 -c16 -d30s --latency -s bench/screen.lua http://127.0.0.1:8080
local bodies = {
  '{"name":"Usama bin Ladin"}',
  '{"name":"Mohamed Atta","schema":"Person"}',
  '{"name":"Kim Jong Un","birth_date":"1984"}',
  '{"name":"BANK MELLI IRAN","schema":"Organization"}',
  '{"name":"Abdul Rahman Yasin","countries":["IQ"]}',
  '{"name":"Nicolas Maduro Moros","schema":"Person"}',
  '{"name":"Сидоренко Иван Петрович"}',
  '{"name":"محمد بن سلمان"}',
  '{"name":"Hassan Nasrallah","birth_date":"1960-08-31"}',
  '{"name":"Ayman al-Zawahiri"}',
  '{"name":"Islamic Revolutionary Guard Corps","schema":"Organization"}',
  '{"name":"Maria Fernanda Lopez Garcia","schema":"Person","birth_date":"1987-03-12"}',
  '{"name":"Johann Schneider GmbH","schema":"Organization","countries":["DE"]}',
  '{"name":"Li Wei","schema":"Person"}',
  '{"name":"Olena Kovalenko"}',
  '{"name":"Northwind Shipping Ltd"}',
}
local i = 0
request = function()
  i = i + 1
  local body = bodies[(i % #bodies) + 1]
  return wrk.format("POST", "/v1/screen", {["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, 4xx/5xx %d, socket errors %d, rps %.0f, p50 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
