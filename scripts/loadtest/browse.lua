-- wrk script for the page's cost (scripts/page-cost.sh): signed-in citizens asking
-- for their pages (make loadtest's people browse with `bench browse`).
--
--   wrk ... -s browse.lua URL -- COOKIES [PAGES [MIN_MS MAX_MS [ENCODINGS]]]
--
-- Each request takes the next of the sessions in COOKIES (one `Cookie`
-- value per line), so every session is in use throughout, and the next of
-- PAGES (comma-separated, default /min-log,/henvendelser); a connection
-- waits MIN_MS to MAX_MS between pages (default 1000 to 3000, as people
-- do; 0 0 for as fast as the server answers). ENCODINGS, when given, is
-- sent as `Accept-Encoding` (a browser's: "gzip, deflate, br, zstd"); wrk
-- sends none by default, and the pages then come uncompressed. A page that
-- does not answer 200 (a lost session would be sent to the sign-in) counts
-- as an error.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local cookies = {}
local next_cookie = 0
local pages = {}
local think = { 1000, 3000 }
local next_page = 0
local encodings = nil
not_ok = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(cookies, line)
    end
  end
  for page in string.gmatch(args[2] or "/min-log,/henvendelser", "[^,]+") do
    table.insert(pages, page)
  end
  think = { tonumber(args[3] or 1000), tonumber(args[4] or 3000) }
  encodings = args[5]
  -- Each thread starts at its own place in the list.
  math.randomseed(os.time() + #tostring({}))
  next_cookie = math.random(#cookies)
end

function request()
  next_cookie = next_cookie % #cookies + 1
  next_page = next_page % #pages + 1
  local headers = { ["Cookie"] = cookies[next_cookie] }
  if encodings then
    headers["Accept-Encoding"] = encodings
  end
  return wrk.format("GET", pages[next_page], headers)
end

function delay()
  if think[2] == 0 then
    return 0
  end
  return math.random(think[1], think[2])
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
