/* What the machine itself gives two cores: one loop alone, then two copies at once, each timed.
 *
 * `compute` runs a xorshift generator in registers (no memory). `memory MB` reads 60 million random words of an
 * array of MB megabytes, each address from the generator alone, so that many reads are in flight at once (as when
 * detection's look-ahead asks for the next events' tables early); `chain MB` reads 20 million, each address
 * depending on the word read before (one read in flight: a pointer chase). Detection's two threads compute and read
 * large tables; how much slower each copy runs beside the other, with nothing shared between them, is a ceiling any
 * code of ours meets (docs/performance.md).
 *
 * Usage: two_cores compute | two_cores memory MB | two_cores chain MB      (benchmarks/two-cores/run.sh runs a set) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    int chain = argc >= 3 && !strcmp(argv[1], "chain");
    if (argc < 2 || (strcmp(argv[1], "compute") && ((strcmp(argv[1], "memory") && !chain) || argc < 3))) {
        fprintf(stderr, "usage: two_cores compute | two_cores memory MB | two_cores chain MB\n");
        return 2;
    }
    uint64_t x = 88172645463325252ull, sum = 0;
    double started;
    if (!strcmp(argv[1], "compute")) {
        started = now();
        for (long i = 0; i < 400000000L; i++) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            sum += x * 2654435761u;
        }
    } else {
        size_t words = (size_t)atol(argv[2]) * 1024 * 1024 / 8;
        uint64_t *array = malloc(words * 8);
        if (!array || words == 0) { fprintf(stderr, "two_cores: cannot allocate %s MB\n", argv[2]); return 1; }
        for (size_t i = 0; i < words; i++) array[i] = i * 2654435761u;
        started = now();
        /* Two loops, not one with a choice inside: a conditional move would make every address wait on the sum. */
        if (chain) {
            for (long i = 0; i < 20000000L; i++) {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                sum += array[(x ^ sum) % words];
            }
        } else {
            for (long i = 0; i < 60000000L; i++) {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                sum += array[x % words];
            }
        }
        free(array);
    }
    /* The sum is printed so the loop is not optimised away. */
    printf("%.4f %llu\n", now() - started, (unsigned long long)(sum & 1));
    return 0;
}
