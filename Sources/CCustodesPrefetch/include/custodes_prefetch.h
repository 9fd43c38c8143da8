#ifndef CUSTODES_PREFETCH_H
#define CUSTODES_PREFETCH_H

/// Asks the processor to start loading the cache line holding `address`, without waiting for it.
///
/// Swift has no prefetch of its own. Reading an audit row looks its person up in a table of tens of megabytes, a
/// miss to memory on nearly every row; asking for the slot as soon as the row's identifier is known lets the rest of
/// the row be decoded while the line arrives. A prefetch never faults, so any address is safe to pass.
static inline void custodes_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
