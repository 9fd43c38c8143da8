import CustodesModel

/// Where the search for `person` starts in a table of people with `mask + 1` slots (a power of two), for the tables
/// that count or keep people per member of staff (``DistinctPeople``, ``PersonDaysTable``).
///
/// Fibonacci hashing: the high half of the person's number times 2⁶⁴ divided by the golden ratio. People are numbered
/// from zero without gaps, and this spreads consecutive numbers evenly over the slots.
@inline(__always)
func personSlot(_ person: PersonIndex, mask: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: person)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
}
