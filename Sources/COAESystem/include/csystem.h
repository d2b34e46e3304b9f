#ifndef OAE_CSYSTEM_H
#define OAE_CSYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 when the system cannot (the caller falls back to renames).
int oae_exchange_paths(const char *a, const char *b);

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` (NULL-terminated) in `cwd` (NULL: the current
/// folder), its standard input from /dev/null, standard output and error into the
/// given descriptors. The child is killed (SIGKILL) when the thread that started it
/// dies, and so when oae is killed: call it from a thread that waits for the child.
/// Returns the child's pid, or -1 with errno set.
pid_t oae_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd,
                int out_fd, int err_fd);

/// `oae_spawn` with the child's standard input read from `in_fd` (-1: /dev/null), for
/// a worker that takes jobs on its standard input.
pid_t oae_spawn_io(const char *path, char *const argv[], char *const envp[], const char *cwd,
                   int in_fd, int out_fd, int err_fd);

/// A pipe whose two ends are closed on exec (`pipe2` with `O_CLOEXEC`): a child
/// gets an end only as the standard descriptor it is given. 0, or -1 with errno set.
int oae_pipe(int fds[2]);

/// Waits for a child; returns its exit status, 128 + the signal that ended it, or -1.
int oae_wait(pid_t pid);

/// Takes an exclusive advisory lock (flock) on `path`, creating it; returns the open
/// descriptor (keep it open to hold the lock), -2 when another process holds it, or -1
/// with errno set.
int oae_try_lock(const char *path);

/// Gives the pages the allocator keeps for reuse back to the system (jemalloc, with which
/// oae is linked on Linux, keeps them: see `malloc_conf` in csystem.c); nothing elsewhere.
/// For a long-running `oae serve` after each save.
void oae_release_free_memory(void);

/// Puts the calling thread at the lowest ordinary priority (nice 19, the thread's own on
/// Linux). 0, or -1 where the system cannot.
int oae_thread_idle_priority(void);

/// Opens the folder `path` below the open folder `dirfd` in one call (Linux openat2 with
/// RESOLVE_BENEATH and RESOLVE_NO_SYMLINKS): it fails when any component of `path` is a
/// link, is not a folder, or leads outside `dirfd`. Returns the descriptor (O_CLOEXEC), or
/// -1 with errno set (ENOSYS where the system has no openat2).
int oae_open_folder_beneath(int dirfd, const char *path);

/// Reads entries of the open folder `fd` into `buffer` as the kernel's records (Linux
/// getdents64: for each, an 8-byte inode, an 8-byte offset, a 2-byte record length, a
/// 1-byte type (`DT_DIR`, `DT_REG`, ..., `DT_UNKNOWN`) and the name with its NUL), as many
/// as fit in `size` bytes. Returns the bytes written, 0 at the end of the folder, or -1
/// with errno set (ENOSYS where the system has no getdents64: use readdir).
long oae_read_folder_entries(int fd, void *buffer, unsigned long size);

#endif
