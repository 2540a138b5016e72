-- wrk script: count the answers by second and status, over all threads, and print them at the
-- end as "<unix second> <status> <count>" lines (bench/load.sh reads them for the fault run).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
end

function response(status, headers, body)
  local key = os.time() .. " " .. status
  counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
  local total, keys = {}, {}
  for _, thread in ipairs(threads) do
    for key, count in pairs(thread:get("counts")) do
      if total[key] == nil then table.insert(keys, key) end
      total[key] = (total[key] or 0) + count
    end
  end
  table.sort(keys)
  for _, key in ipairs(keys) do
    io.write(string.format("STATUS %s %d\n", key, total[key]))
  end
end
