-- bench/spread.lua: wrk's threads connect to the ports of 127.0.0.1 in BENCH_PORTS in turn
-- (the first thread to the first port, the second to the second, ...), so that one wrk run
-- spreads its connections over several servers.  The URL's own host must answer too: wrk
-- connects to it once before it starts.
local ports = {}
for port in string.gmatch(os.getenv("BENCH_PORTS") or "", "%d+") do
    ports[#ports + 1] = port
end
local threads = 0

function setup(thread)
    if #ports > 0 then
        thread.addr = wrk.lookup("127.0.0.1", ports[threads % #ports + 1])[1]
        threads = threads + 1
    end
end
