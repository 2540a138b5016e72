-- wrk script of the spike (bench/edge/spike.py), run with one connection per thread (-tN -cN), so
-- that each answer belongs to the request its thread sent last. Every answer is counted by the
-- millisecond its request was sent (the wall clock, as Varnish's log and PostgreSQL's commit
-- timestamps read it) and its status, over all threads; printed at the end as
-- "SENT <unix ms> <status> <count>" lines, with the exact times of each thread's last 200
-- ("LAST200 <sent, unix µs> <received, unix µs>").
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_usec; } edge_timeval;
int gettimeofday(edge_timeval *tv, void *tz);
]]
local threads = {}
local clock = ffi.new("edge_timeval")

local function now_us()
  ffi.C.gettimeofday(clock, nil)
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_usec)
end

function setup(thread)
  table.insert(threads, thread)
end

local prepared, sent

function init(args)
  counts = {}
  last200 = { 0, 0 }
  prepared = wrk.format(nil, nil, { ["Accept-Encoding"] = "gzip" })
end

function request()
  sent = now_us()
  return prepared
end

function response(status, headers, body)
  local received = now_us()
  local key = string.format("%d %d", math.floor(sent / 1000), status)
  counts[key] = (counts[key] or 0) + 1
  if status == 200 and sent > last200[1] then last200 = { sent, received } end
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for key, count in pairs(thread:get("counts")) do
      total[key] = (total[key] or 0) + count
    end
    local last = thread:get("last200")
    io.write(string.format("LAST200 %d %d\n", last[1], last[2]))
  end
  for key, count in pairs(total) do
    io.write(string.format("SENT %s %d\n", key, count))
  end
end
