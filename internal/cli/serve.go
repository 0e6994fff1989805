package cli

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/fetch"
	"github.com/embargo-screening/embargo/internal/server"
)

func serveCmd(e *env) *cobra.Command {
	var addr, cacheDir, level string
	var offline bool
	var interval time.Duration
	var sources []string
	var maxBody int64
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
			srcs, err := parseSources(sources)
			if err != nil {
				return err
			}

			log := slog.New(slog.NewJSONHandler(e.stderr, &slog.HandlerOptions{Level: lv}))
			st, err := e.open()
			if err != nil {
				return err
			}
			defer st.Close()

			start := time.Now()
			snap, err := engine.Load(e.ctx, st, "")
			switch {
			case errors.Is(err, engine.ErrNoLists) && !offline:
				log.Warn("no lists in the store yet; not ready until the first download", "db", e.dbPath())
				snap = nil
			case err != nil:
				return err
			default:
				stats := snap.Index.Stats()
				log.Info("index built", "entities", stats.Entities, "names", stats.Names, "seconds", time.Since(start).Seconds())
			}
			if os.Getenv("GOGC") == "" {
				setGCPercent(log)
			}
			srv := server.New(server.Config{Store: st, Logger: log, MaxBodyBytes: maxBody}, snap)

			ctx, cancel := context.WithCancel(e.ctx)
			defer cancel()
			done := make(chan struct{})
			if !offline {
				if len(srcs) == 0 {
					srcs = fetch.Official()
				}
				urls := map[string]string{}
				for _, s := range srcs {
					urls[s.Dataset] = strings.Join(s.URLs, " ")
				}
				u := fetch.New(fetch.Options{
					Store:    st,
					Sources:  srcs,
					Interval: interval,
					Dir:      cacheDir,
					Logger:   log,
					OnUpdate: func(ctx context.Context, changed []string) {
						t := time.Now()
						snap, err := engine.Load(ctx, st, "")
						if err != nil {
							log.Error("rebuilding the index after an update failed; the old index keeps serving", "changed", changed, "err", err)
							return
						}
						srv.Swap(snap)
						log.Info("index swapped", "changed", changed, "entities", snap.Index.Stats().Entities, "seconds", time.Since(t).Seconds())
					},
					OnStatus: func(s fetch.Status) {
						srv.SetUpdateStatus(s.Dataset, server.UpdateStatus{LastAttempt: s.LastAttempt, LastSuccess: s.LastSuccess, LastError: s.LastError, URL: urls[s.Dataset]})
					},
				})
				go func() {
					defer close(done)
					if err := u.Run(ctx); err != nil && ctx.Err() == nil {
						log.Error("list updates stopped", "err", err)
					}
				}()
			} else {
				close(done)
			}
			log.Info("serving", "addr", addr, "offline", offline)
			err = srv.ListenAndServe(ctx, addr)
			cancel()
			<-done
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
