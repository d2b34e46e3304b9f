#define _GNU_SOURCE
#include "csystem.h"
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#include <linux/fs.h>
#endif

int oae_exchange_paths(const char *a, const char *b) {
#if defined(__linux__) && defined(SYS_renameat2) && defined(RENAME_EXCHANGE)
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0 ? 0 : -1;
#else
    (void)a; (void)b;
    return -1;
#endif
}

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/wait.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif

pid_t oae_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd,
                int out_fd, int err_fd) {
    return oae_spawn_io(path, argv, envp, cwd, -1, out_fd, err_fd);
}

struct oae_child {
    const char *path;
    char *const *argv;
    char *const *envp;
    const char *cwd;
    int in_fd, out_fd, err_fd;
    pid_t parent;
    sigset_t mask;  /* the signal mask of the thread that started the child */
};

#ifndef _NSIG
#define _NSIG NSIG
#endif

/* The child, until execve: it shares the parent's memory (CLONE_VM) on a stack of its own
 * and makes only async-signal-safe calls. It writes its stack and, on a failed call, the
 * calling thread's errno (the two share their thread-local storage), which the parent sets
 * again once the child has gone on to execve or exited. */
static int oae_child_main(void *arg) {
    struct oae_child *c = arg;
    /* A handler of the parent must not run here, in its memory: every caught signal goes
     * back to its default before the mask is restored (as glibc's posix_spawn does). */
    for (int sig = 1; sig < _NSIG; sig++) {
        struct sigaction action;
        if (sigaction(sig, NULL, &action) != 0) continue;
        if (action.sa_handler != SIG_IGN && action.sa_handler != SIG_DFL) {
            action.sa_handler = SIG_DFL;
            action.sa_flags = 0;
            sigemptyset(&action.sa_mask);
            sigaction(sig, &action, NULL);
        }
    }
#if defined(__linux__)
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() != c->parent) _exit(127);  /* the parent died before prctl */
    if (c->in_fd >= 0) {
        dup2(c->in_fd, 0);
    } else {
        int null_fd = open("/dev/null", O_RDONLY);
        if (null_fd >= 0) { dup2(null_fd, 0); if (null_fd > 2) close(null_fd); }
    }
    if (c->out_fd >= 0) dup2(c->out_fd, 1);
    if (c->err_fd >= 0) dup2(c->err_fd, 2);
    if (c->cwd && chdir(c->cwd) != 0) _exit(126);
    sigprocmask(SIG_SETMASK, &c->mask, NULL);
    execve(c->path, c->argv, c->envp);
    _exit(127);
}

/* ThreadSanitizer cannot follow a clone(CLONE_VM) child (its runtime stops the test run on
 * the first spawn): a build with `--sanitize=thread` forks instead, so that the whole test
 * suite can run under it. */
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define OAE_SPAWN_BY_FORK 1
#endif
#endif

pid_t oae_spawn_io(const char *path, char *const argv[], char *const envp[], const char *cwd,
                   int in_fd, int out_fd, int err_fd) {
    struct oae_child child = { path, argv, envp, cwd, in_fd, out_fd, err_fd, getpid() };
#if defined(__linux__) && !defined(OAE_SPAWN_BY_FORK)
    /* clone(CLONE_VM | CLONE_VFORK) rather than fork(): the parent's pages are neither
     * copied nor made copy-on-write (fork of a build holding 400 MB cost it page faults on
     * every page it wrote next); the calling thread waits until the child has called execve. */
    enum { stack_size = 64 * 1024 };
    char *stack = malloc(stack_size);
    if (!stack) return -1;
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &child.mask);
    pid_t pid = clone(oae_child_main, stack + stack_size, CLONE_VM | CLONE_VFORK | SIGCHLD, &child);
    int saved = errno;
    pthread_sigmask(SIG_SETMASK, &child.mask, NULL);
    free(stack);
    errno = saved;
    return pid;
#else
    pid_t pid = fork();
    if (pid != 0) return pid;  /* the parent, or -1 */
    sigprocmask(SIG_SETMASK, NULL, &child.mask);
    oae_child_main(&child);
    return -1;
#endif
}

int oae_wait(pid_t pid) {
    int status = 0;
    for (;;) {
        if (waitpid(pid, &status, 0) >= 0) break;
        if (errno != EINTR) return -1;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

int oae_try_lock(const char *path) {
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return -1;
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int saved = errno;
        close(fd);
        if (saved == EWOULDBLOCK) return -2;
        errno = saved;
        return -1;
    }
    return fd;
}

int oae_pipe(int fds[2]) {
#if defined(__linux__)
    return pipe2(fds, O_CLOEXEC);
#else
    if (pipe(fds) != 0) return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return 0;
#endif
}

/* The options of jemalloc, the allocator oae is linked with on Linux (the binary and the
 * test bundle; read by jemalloc at start). A build is a short process whose memory peaks
 * once: freed pages are kept for reuse rather than given back to the system after a
 * delay, which cost a quarter of the site build's CPU in system time at 947
 * municipalities (issue 13). `oae serve` gives them back after each save
 * (`oae_release_free_memory`). Its memory is in pages of 4 KiB, not transparent huge
 * pages (`thp:never`: jemalloc marks its extents MADV_NOHUGEPAGE, so the system's mode
 * of /sys/kernel/mm/transparent_hugepage/enabled does not decide). Huge pages (`thp:always`,
 * session 35) had cut `oae check`'s page faults at 947 municipalities from 78,000 to 5,000;
 * since, the kernel's zeroing of each 2 MiB page was a tenth of a site build's CPU there
 * (perf: `clear_page_erms` under `do_huge_pmd_anonymous_page`), for pages partly used. With
 * 4 KiB pages, at 947 municipalities (means of 4 and 5 runs, interleaved, issue 13, session
 * 47): `oae build site` 5.50 -> 5.32 s, CPU 10.7 -> 10.3 s, peak RSS 492 -> 451 MiB;
 * `oae check` 1.76 -> 1.66 s, CPU 3.36 -> 3.21 s; at 36, the site 0.277 -> 0.268 s and its
 * peak RSS 85 -> 64 MiB. The environment's MALLOC_CONF still overrides it. */
#if defined(__linux__)
__attribute__((used)) const char *malloc_conf = "dirty_decay_ms:-1,muzzy_decay_ms:-1,thp:never";
#endif

#include <dlfcn.h>

void oae_release_free_memory(void) {
#if defined(__linux__)
    /* jemalloc's mallctl when oae runs with it (looked up, so that nothing else needs it):
     * purge every arena (MALLCTL_ARENAS_ALL is 4096). */
    typedef int (*mallctl_fn)(const char *, void *, size_t *, void *, size_t);
    mallctl_fn mallctl = (mallctl_fn)dlsym(RTLD_DEFAULT, "mallctl");
    if (mallctl) mallctl("arena.4096.purge", NULL, NULL, NULL, 0);
#endif
}

#include <pthread.h>
#include <sched.h>

/* The calling thread at the lowest ordinary priority (nice 19; on Linux a thread's nice
 * value is its own). Not SCHED_IDLE: a thread of that class holding a lock (the
 * allocator's, while it frees) could keep a save waiting for as long as other programs
 * keep the cores busy; at nice 19 it still gets a share and lets go of the lock soon. */
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

int oae_thread_idle_priority(void) {
#if defined(__linux__)
    return setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 19);
#else
    return -1;
#endif
}

#if defined(__linux__)
#include <linux/openat2.h>
#endif

int oae_open_folder_beneath(int dirfd, const char *path) {
#if defined(__linux__) && defined(SYS_openat2) && defined(RESOLVE_NO_SYMLINKS)
    struct open_how how = {0};
    how.flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    return (int)syscall(SYS_openat2, dirfd, path, &how, sizeof how);
#else
    (void)dirfd; (void)path;
    errno = ENOSYS;
    return -1;
#endif
}

/* The entries of an open folder in the kernel's records (Linux getdents64): one call
 * reads as many as fit, without the three calls glibc's fdopendir makes first (an fstat
 * and two fcntl), 17,000 calls of `oae check` at 947 municipalities. */
long oae_read_folder_entries(int fd, void *buffer, unsigned long size) {
#if defined(__linux__) && defined(SYS_getdents64)
    return syscall(SYS_getdents64, fd, buffer, size);
#else
    (void)fd; (void)buffer; (void)size;
    errno = ENOSYS;
    return -1;
#endif
}
