// The memory settings `shared-cdo serve` starts Node with (README, "What it costs"), here so that the
// bench measures the service as it runs, with the same settings (bench/hostile.ts).
// - A young generation of 2 MB semi-spaces: V8 grows it to the most it may while the service starts (loading
//   a thousand modules survives many scavenges) and never gives it back, so whatever the cap is, an idle
//   service holds twice it. At 8 MB that was 16 MB of empty young generation at idle, and a 400-council
//   download peaked some 20–60 MB higher than at 2 MB, in the same time (bench/service.ts); below 2 MB the
//   download peaks higher again, as more of its short-lived objects are promoted.
// - An old generation capped at 256 MB: V8 then collects a large download's garbage on the way instead
//   of letting the heap grow to several times what is alive (a 400-council view keeps about 60 MB).
// - glibc's malloc: two arenas rather than one per thread that ever allocated, and buffers of 64 KB or
//   more (the workbook's and the JSON's chunks) mapped and returned to the system when freed, rather
//   than left in the arenas.
export const SERVICE_FLAGS = ['--max-semi-space-size=2', '--max-old-space-size=256'];
export const SERVICE_MALLOC = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536' };
