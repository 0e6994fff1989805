package cli

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/fetch"
	"github.com/embargo-screening/embargo/internal/server"
	"github.com/embargo-screening/embargo/internal/store"
)

func serveCmd(e *env) *cobra.Command {
	var addr, cacheDir, level string
	var offline bool
	var interval time.Duration
	var sources []string
	var maxBody int64
	var poll time.Duration
	var maxAges []string
	c := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080] [--offline] [--update-interval 1h] [--source DATASET=URL,...]",
		Short: "Serve the screening HTTP API, keeping the lists current from the official sources",
		Long: "Serve the native (/v1/...) and yente-compatible HTTP APIs from the lists in the store.\n" +
			"Unless --offline, the official lists are fetched at start and every --update-interval\n" +
			"with conditional requests; a new version is stored and the index swapped without\n" +
			"stopping service, and a failed download keeps the old data serving (see /readyz).\n" +
			"--source replaces the official URLs of a dataset (repeatable; several URLs separated\n" +
			"by commas form one publication, like OFAC's CSV set).",
		Args: rangeArgs(0, 0),
		RunE: func(c *cobra.Command, args []string) error {
			var lv slog.Level
			if err := lv.UnmarshalText([]byte(level)); err != nil {
				return usagef("--log-level %q: want debug, info, warn or error", level)
			}
			if interval < time.Minute && !offline && interval != 0 {
				// Official publishers are polled politely; tests use --source
				// with local servers and may go faster.
				if len(sources) == 0 {
					return usagef("--update-interval %s: at least 1m against the official sources", interval)
				}
			}
			if poll <= 0 {
				return usagef("--poll %s: must be positive", poll)
			}
			srcs, err := parseSources(sources)
			if err != nil {
				return err
			}
			maxAge, err := parseMaxAge(maxAges)
			if err != nil {
				return err
			}

			log := slog.New(slog.NewJSONHandler(e.stderr, &slog.HandlerOptions{Level: lv}))
			// Offline, the server only reads: it never takes the store's
			// write lock, and runs beside imports from the command line.
			st, err := e.open(offline)
			if err != nil {
				return err
			}
			defer st.Close()
			if !offline && len(srcs) == 0 {
				srcs = fetch.Official()
			}
			urls := map[string]string{}
			var fetched []string
			for _, s := range srcs {
				urls[s.Dataset] = strings.Join(s.URLs, " ")
				fetched = append(fetched, s.Dataset+"="+urls[s.Dataset])
			}
			if offline {
				log.Info("starting offline: serving what the store holds, fetching nothing; imports by other processes are picked up", "db", store.Redact(e.dbPath()), "poll", poll.String())
			} else {
				log.Info("starting online: the lists are fetched at start and every update interval", "db", store.Redact(e.dbPath()),
					"update_interval", interval.String(), "sources", fetched)
			}

			eng := engine.New(st, engine.Options{Logger: log, PollInterval: poll})
			start := time.Now()
			switch err := eng.Load(e.ctx); {
			case errors.Is(err, engine.ErrNoLists) && !offline:
				log.Warn("no lists in the store yet; not ready until the first download", "db", store.Redact(e.dbPath()))
			case err != nil:
				return err
			default:
				stats := eng.Current().Index.Stats()
				log.Info("index built", "entities", stats.Entities, "names", stats.Names, "seconds", time.Since(start).Seconds())
			}
			if os.Getenv("GOGC") == "" {
				setGCPercent(log)
			}
			srv := server.New(server.Config{Engine: eng, Logger: log, MaxBodyBytes: maxBody, MaxAge: maxAge, Online: !offline}, nil)

			ctx, cancel := context.WithCancel(e.ctx)
			defer cancel()
			var wg sync.WaitGroup
			wg.Add(2)
			go func() { defer wg.Done(); eng.Watch(ctx) }()
			go func() { defer wg.Done(); reloadOnHangup(ctx, eng, log) }()
			if !offline {
				u := fetch.New(fetch.Options{
					Store:    st,
					Sources:  srcs,
					Interval: interval,
					Dir:      cacheDir,
					Logger:   log,
					OnUpdate: func(ctx context.Context, changed []string) {
						// The watcher would see it within --poll; do not wait.
						if _, err := eng.Reload(ctx); err != nil {
							log.Error("rebuilding the index after an update failed; the old index keeps serving", "changed", changed, "err", err)
						}
					},
					OnStatus: func(s fetch.Status) {
						srv.SetUpdateStatus(s.Dataset, server.UpdateStatus{LastAttempt: s.LastAttempt, LastSuccess: s.LastSuccess, LastError: s.LastError, URL: urls[s.Dataset]})
					},
				})
				wg.Add(1)
				go func() { defer wg.Done(); runDownloader(ctx, st, u, interval, log) }()
			}
			log.Info("serving", "addr", addr, "offline", offline)
			err = srv.ListenAndServe(ctx, addr)
			cancel()
			wg.Wait()
			if errors.Is(err, context.Canceled) {
				return nil // a signal asked us to stop; shutdown was graceful
			}
			return err
		},
	}
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	c.Flags().BoolVar(&offline, "offline", false, "do not fetch the lists; serve what the store holds")
	c.Flags().DurationVar(&interval, "update-interval", time.Hour, "how often to check the sources for a new publication (0: once at start)")
	c.Flags().StringVar(&cacheDir, "cache-dir", "", "where downloads and their validators are kept (default: the user cache folder)")
	c.Flags().StringArrayVar(&sources, "source", nil, "DATASET=URL[,URL...]: fetch this dataset from these URLs instead of the official ones (repeatable)")
	c.Flags().StringVar(&level, "log-level", "info", "debug, info, warn or error")
	c.Flags().Int64Var(&maxBody, "max-body", 1<<20, "largest request body in bytes")
	c.Flags().DurationVar(&poll, "poll", time.Second, "how often to look in the store for versions imported by other processes or replicas")
	c.Flags().StringArrayVar(&maxAges, "max-age", nil, "DURATION or DATASET=DURATION: /readyz reports a list stale past this age (default 7 days; 0 turns it off); repeatable")
	return c
}

// gcHeadroom is how much the heap may grow between collections. The
// index is long-lived and requests allocate a few kilobytes each: with
// Go's default of collecting at every doubling, a small index means a
// mark phase every few hundred milliseconds, each one a latency spike for
// the requests it overlaps. Collecting every gcHeadroom of allocation
// instead spaces them by many seconds at thousands of requests a second.
const gcHeadroom = 512 << 20

// setGCPercent sets GOGC so that the heap may grow by gcHeadroom over
// what is live after loading, between 100% (a large index doubles anyway)
// and 2000%. GOGC or GOMEMLIMIT in the environment take precedence.
func setGCPercent(log *slog.Logger) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	live := max(ms.HeapAlloc, 1<<20)
	pct := min(max(int(gcHeadroom*100/live), 100), 2000)
	debug.SetGCPercent(pct)
	log.Info("garbage collector", "live_mib", live>>20, "gogc", pct)
}

// parseSources reads --source DATASET=URL[,URL...] values.
func parseSources(vals []string) ([]fetch.Source, error) {
	var out []fetch.Source
	for _, v := range vals {
		ds, urls, ok := strings.Cut(v, "=")
		if !ok || ds == "" || urls == "" {
			return nil, usagef("--source %q: want DATASET=URL[,URL...]", v)
		}
		s := fetch.Source{Dataset: ds}
		for _, u := range strings.Split(urls, ",") {
			if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				return nil, usagef("--source %q: %q is not an http(s) URL", v, u)
			}
			s.URLs = append(s.URLs, u)
		}
		out = append(out, s)
	}
	return out, nil
}

// reloadOnHangup reloads the lists on SIGHUP, as daemons do.
func reloadOnHangup(ctx context.Context, eng *engine.Engine, log *slog.Logger) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
		}
		changed, err := eng.Reload(ctx)
		switch {
		case err != nil:
			log.Error("reload on SIGHUP failed; the old index keeps serving", "err", err)
		case changed:
			log.Info("reloaded on SIGHUP: new list versions are served")
		default:
			log.Info("reload on SIGHUP: the store has no new versions")
		}
	}
}

// runDownloader runs the list updates while this process holds the
// store's "downloader" lock: of several replicas on one database one
// downloads, and the others serve what it imports (their engines see the
// new versions). A replica that does not hold the lock tries again every
// minute, so that another takes over when the downloader stops.
func runDownloader(ctx context.Context, st store.Store, u *fetch.Updater, interval time.Duration, log *slog.Logger) {
	retry := min(max(interval, 5*time.Second), time.Minute)
	told := false
	for {
		release, ok, err := st.TryLock(ctx, "downloader")
		switch {
		case err != nil:
			log.Error("cannot take the downloader lock; list updates wait", "err", err)
		case ok:
			log.Info("this process runs the list downloader")
			err := u.Run(ctx)
			release()
			if err != nil && ctx.Err() == nil {
				log.Error("list updates stopped", "err", err)
			}
			if interval <= 0 {
				return
			}
		case !told:
			log.Info("another process holds the downloader lock: this one serves what it imports", "retry", retry.String())
			told = true
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(retry):
		}
	}
}

// defaultMaxAge is when a list is reported stale unless --max-age says
// otherwise: the official lists change several times a month, and a week
// without a successful check (or, offline, since publication) is worth a
// look.
const defaultMaxAge = 7 * 24 * time.Hour

// parseMaxAge reads --max-age DURATION and DATASET=DURATION values. A
// duration may be given in days ("30d").
func parseMaxAge(vals []string) (map[string]time.Duration, error) {
	out := map[string]time.Duration{"*": defaultMaxAge}
	for _, v := range vals {
		ds, d, ok := strings.Cut(v, "=")
		if !ok {
			ds, d = "*", v
		}
		dur, err := parseDays(d)
		if err != nil || dur < 0 || ds == "" {
			return nil, usagef("--max-age %q: want a duration (36h, 30d) or DATASET=DURATION", v)
		}
		out[ds] = dur
	}
	return out, nil
}

func parseDays(s string) (time.Duration, error) {
	if n, ok := strings.CutSuffix(s, "d"); ok {
		days, err := strconv.ParseFloat(n, 64)
		if err != nil {
			return 0, err
		}
		return time.Duration(days * 24 * float64(time.Hour)), nil
	}
	return time.ParseDuration(s)
}
