/** Node's flags for the service process: `shared-cdo serve` starts Node again with them. */
export declare const SERVICE_FLAGS: readonly string[];
/** glibc malloc's settings for the service process. */
export declare const SERVICE_MALLOC: Readonly<Record<'MALLOC_ARENA_MAX' | 'MALLOC_MMAP_THRESHOLD_', string>>;
