#ifndef OAE_CSYSTEM_H
#define OAE_CSYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 when the system cannot (the caller falls back to renames).
int oae_exchange_paths(const char *a, const char *b);

#endif
