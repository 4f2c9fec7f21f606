-- wrk script for `make loadtest`: signed-in citizens browsing their log and
-- their requests, as people do, 1 to 3 seconds between pages. Each request
-- takes the next of the sessions in the file given after `--` (one
-- `Cookie` value per line), so every session is in use throughout; a page
-- that does not answer 200 (a lost session would be sent to the sign-in)
-- is counted as an error.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local cookies = {}
local next_cookie = 0
local pages = { "/min-log", "/henvendelser" }
local next_page = 0
not_ok = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(cookies, line)
    end
  end
  -- Each thread starts at its own place in the list.
  math.randomseed(os.time() + #tostring({}))
  next_cookie = math.random(#cookies)
end

function request()
  next_cookie = next_cookie % #cookies + 1
  next_page = next_page % #pages + 1
  return wrk.format("GET", pages[next_page], { ["Cookie"] = cookies[next_cookie] })
end

function delay()
  return math.random(1000, 3000)
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local not_200 = 0
  for _, thread in ipairs(threads) do
    not_200 = not_200 + thread:get("not_ok")
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("pages: %d in %.1f s, %.1f pages/s\n", summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors: %d not 200, %d connect, %d read, %d write, %d timeout\n",
    not_200, e.connect, e.read, e.write, e.timeout))
end
