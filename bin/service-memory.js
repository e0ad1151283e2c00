// The memory settings `shared-cdo serve` starts Node with (README, "What it costs"), here so that the
// bench measures the service as it runs, with the same settings (bench/hostile.ts).
// - A young generation of 8 MB: V8 would otherwise grow it to 64 MB after the first large request, and
//   keep that whether or not anything more is asked of the service.
// - An old generation capped at 256 MB: V8 then collects a large download's garbage on the way instead
//   of letting the heap grow to several times what is alive (a 400-council view keeps about 60 MB).
// - glibc's malloc: two arenas rather than one per thread that ever allocated, and buffers of 64 KB or
//   more (the workbook's and the JSON's chunks) mapped and returned to the system when freed, rather
//   than left in the arenas.
export const SERVICE_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=256'];
export const SERVICE_MALLOC = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536' };
