#ifndef CUSTODES_PREFETCH_H
#define CUSTODES_PREFETCH_H

/// Asks the processor to start loading the cache line holding `address`, without waiting for it.
///
/// Swift has no prefetch of its own. Reading an audit row looks its person up in a table of tens of megabytes, and
/// detection reads a member of staff's activity, a person's assignment windows and a (staff, person) pair at random
/// in memory far larger than the cache: a miss to memory each. Asking for those lines as soon as their addresses are
/// known lets other work go on while they arrive. A prefetch never faults, so any address is safe to pass.
static inline void custodes_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
