// The memory settings `shared-cdo serve` starts Node with (README, "What it costs"), here so that the
// bench measures the service as it runs, with the same settings (bench/hostile.ts).
// - A young generation of 4 MB semi-spaces: V8 grows it to the most it may while the service starts (loading
//   a thousand modules survives many scavenges) and never gives it back, so an idle service holds twice the
//   cap in it. At 8 MB that was 16 MB of empty young generation at idle, and 400-council downloads peaked
//   as high or higher; at 2 MB more of a download's short-lived objects are promoted and the workbook's
//   peak rises instead (bench/service.ts, measured side by side: 2, 4 and 8 MB).
// - An old generation capped at 256 MB: V8 then collects a large download's garbage on the way instead
//   of letting the heap grow to several times what is alive (a 400-council view keeps about 60 MB).
// - Memory outside the heap (buffers: a request's body, a return's text from its decode worker) counted
//   against a limit of its own, not against the old generation's. By default V8 adds every byte of it
//   allocated since the last full collection to the old generation, so under a stream of 2 MB returns the
//   serving thread made a full collection of its whole heap every third request or so (eight a second,
//   each marking some 30 MB). Counted apart, it made half as many; V8's helper threads spent about a third
//   less time collecting (11–12 ms a request rather than 15–18) and the submission bench's throughput rose
//   by about a tenth, with every memory target still met (bench/service.ts, bench/hostile.ts).
// - glibc's malloc: two arenas rather than one per thread that ever allocated, and buffers of 64 KB or
//   more (the workbook's and the JSON's chunks) mapped and returned to the system when freed, rather
//   than left in the arenas.
// - V8's collector exposed, for the one collection the service makes once it has been idle a while
//   (server/idle-memory.ts): it gives back the young generation and start-up's bytecode, about 7 MB.
// The heap sizes are for the thread that serves requests: V8 applies them to every isolate it makes, so
// they are cleared before the first worker thread starts (server/worker-heaps.ts), and each worker has
// the heap its own resourceLimits give it (the decode workers: DECODE_MEMORY_MB).
export const SERVICE_FLAGS = [
  '--max-semi-space-size=4',
  '--max-old-space-size=256',
  '--external-memory-accounted-in-global-limit',
  '--expose-gc',
];
export const SERVICE_MALLOC = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536' };
