/**
 * Similarity at which two sentences state the same claim (see `clusterClaims`). Apart from the
 * claim builder, so that answering, which compares a found sentence with a claim's statement the
 * same way, loads none of it.
 */
export const SAME_CLAIM = 0.3
