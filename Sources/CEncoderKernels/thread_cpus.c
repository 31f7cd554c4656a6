// glibc declares sched_getaffinity and sched_setaffinity only under _GNU_SOURCE, which Swift's
// Glibc module does not define; these two wrappers are the encoder's way to reach them.
#define _GNU_SOURCE
#include "CEncoderKernels.h"

#if defined(__linux__)
#include <sched.h>
#include <string.h>

int redbook_thread_cpus(unsigned char *mask, int capacity) {
    cpu_set_t set;
    if (capacity < (int)sizeof set || sched_getaffinity(0, sizeof set, &set) != 0) return 0;
    memcpy(mask, &set, sizeof set);
    return (int)sizeof set;
}

bool redbook_set_thread_cpus(const unsigned char *mask, int bytes) {
    cpu_set_t set;
    if (bytes != (int)sizeof set) return false;
    memcpy(&set, mask, sizeof set);
    return sched_setaffinity(0, sizeof set, &set) == 0;
}

#else

int redbook_thread_cpus(unsigned char *mask, int capacity) {
    (void)mask; (void)capacity;
    return 0;
}

bool redbook_set_thread_cpus(const unsigned char *mask, int bytes) {
    (void)mask; (void)bytes;
    return false;
}

#endif
