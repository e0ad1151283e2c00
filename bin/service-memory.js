// The memory settings `shared-cdo serve` starts Node with (README, "What it costs"), here so that the
// bench measures the service as it runs, with the same settings (bench/hostile.ts).
// - A young generation of 4 MB semi-spaces: V8 grows it to the most it may while the service starts (loading
//   a thousand modules survives many scavenges) and never gives it back, so an idle service holds twice the
//   cap in it. At 8 MB that was 16 MB of empty young generation at idle, and 400-council downloads peaked
//   as high or higher; at 2 MB more of a download's short-lived objects are promoted and the workbook's
//   peak rises instead (bench/service.ts, measured side by side: 2, 4 and 8 MB).
// - An old generation capped at 256 MB: V8 then collects a large download's garbage on the way instead
//   of letting the heap grow to several times what is alive (a 400-council view keeps about 60 MB).
// - glibc's malloc: two arenas rather than one per thread that ever allocated, and buffers of 64 KB or
//   more (the workbook's and the JSON's chunks) mapped and returned to the system when freed, rather
//   than left in the arenas.
// - V8's collector exposed, for the one collection the service makes once it has been idle a while
//   (server/idle-memory.ts): it gives back the young generation and start-up's bytecode, about 7 MB.
// The heap sizes are for the thread that serves requests: V8 applies them to every isolate it makes, so
// they are cleared before the first worker thread starts (server/worker-heaps.ts), and each worker has
// the heap its own resourceLimits give it (the decode workers: DECODE_MEMORY_MB).
export const SERVICE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=256', '--expose-gc'];
export const SERVICE_MALLOC = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536' };
