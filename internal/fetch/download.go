package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	neturl "net/url"
	"os"
	"time"
)

// userAgent names embargo, so publishers can see who fetches their lists
// and how to reach the project.
const userAgent = "embargo-sanctions-updater/1 (+https://github.com/embargo-screening/embargo)"

// defaultClient bounds every wait (connect, TLS, response headers) to 60 s
// but not the whole transfer: a 100 MB list on a slow link may take longer
// than a minute. A stalled body is caught by the updater's idle timeout.
func defaultClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.TLSHandshakeTimeout = 60 * time.Second
	t.ResponseHeaderTimeout = 60 * time.Second
	t.ExpectContinueTimeout = 5 * time.Second
	return &http.Client{Transport: t}
}

// download is the outcome of fetching one file.
type download struct {
	url         string
	name        string // file name in the source folder
	notModified bool   // 304: the cached copy is current
	path        string // where the new body was written (200 only)
	etag        string
	lastMod     string
	size        int64
	sha256      string
}

// fetchError is a failed download; retry says whether trying again may
// help (connection errors and 5xx) or not (4xx, an oversized body).
type fetchError struct {
	msg   string
	retry bool
}

func (e *fetchError) Error() string { return e.msg }

// fetch downloads url to dest, with one retry after a short pause for
// failures that are usually transient.
func (u *Updater) fetch(ctx context.Context, url string, prev *fileState, dest string) (download, error) {
	var err error
	for try := 1; try <= 2; try++ {
		var d download
		d, err = u.get(ctx, url, prev, dest)
		if err == nil {
			return d, nil
		}
		var fe *fetchError
		if ctx.Err() != nil || !errors.As(err, &fe) || !fe.retry {
			return download{}, err
		}
		if try == 2 {
			return download{}, fmt.Errorf("%w (after 2 attempts)", err)
		}
		u.log.Info("download failed, retrying", "url", url, "error", err, "in", u.retryDelay)
		t := time.NewTimer(u.retryDelay)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return download{}, err
		}
	}
	return download{}, err
}

var errStalled = errors.New("stalled")

// get makes one conditional GET. A 200 body is streamed to dest while it is
// counted against MaxBytes and hashed, so memory does not grow with the
// file.
func (u *Updater) get(ctx context.Context, url string, prev *fileState, dest string) (download, error) {
	d := download{url: url}
	// The idle timer covers the wait for headers and every pause in the
	// body, whatever client the caller gave.
	rctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	idle := time.AfterFunc(u.idle, func() { cancel(errStalled) })
	defer idle.Stop()
	stalled := func(err error) error {
		if errors.Is(context.Cause(rctx), errStalled) {
			return &fetchError{msg: fmt.Sprintf("GET %s: no data received for %s", url, u.idle), retry: true}
		}
		return err
	}

	req, err := http.NewRequestWithContext(rctx, http.MethodGet, url, nil)
	if err != nil {
		return d, fmt.Errorf("GET %s: %v", url, err)
	}
	req.Header.Set("User-Agent", userAgent)
	if prev != nil {
		if prev.ETag != "" {
			req.Header.Set("If-None-Match", prev.ETag)
		}
		if prev.LastModified != "" {
			req.Header.Set("If-Modified-Since", prev.LastModified)
		}
	}
	resp, err := u.client.Do(req)
	if err != nil {
		var ue *neturl.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return d, stalled(&fetchError{msg: fmt.Sprintf("GET %s: %v", url, err), retry: true})
	}
	defer resp.Body.Close()
	d.etag, d.lastMod = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")

	switch {
	case resp.StatusCode == http.StatusNotModified:
		if prev == nil {
			return d, &fetchError{msg: fmt.Sprintf("GET %s: HTTP 304 Not Modified to an unconditional request", url)}
		}
		d.notModified = true
		return d, nil
	case resp.StatusCode != http.StatusOK:
		return d, &fetchError{msg: fmt.Sprintf("GET %s: HTTP %s", url, statusText(resp)), retry: resp.StatusCode >= 500}
	case resp.ContentLength > u.maxBytes:
		return d, &fetchError{msg: fmt.Sprintf("GET %s: the response is %d bytes, over the limit of %d", url, resp.ContentLength, u.maxBytes)}
	}

	f, err := os.Create(dest)
	if err != nil {
		return d, err
	}
	h := sha256.New()
	body := &readTracker{r: io.LimitReader(resp.Body, u.maxBytes+1), idle: idle, timeout: u.idle}
	n, err := io.Copy(io.MultiWriter(f, h), body)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	switch {
	case body.err != nil:
		err = stalled(&fetchError{msg: fmt.Sprintf("GET %s: reading the response after %d bytes: %v", url, n, body.err), retry: true})
	case err != nil:
		err = fmt.Errorf("GET %s: writing %s: %v", url, dest, err)
	case n > u.maxBytes:
		err = &fetchError{msg: fmt.Sprintf("GET %s: the response is over the limit of %d bytes", url, u.maxBytes)}
	}
	if err != nil {
		os.Remove(dest)
		return d, err
	}
	d.path, d.size, d.sha256 = dest, n, hex.EncodeToString(h.Sum(nil))
	return d, nil
}

func statusText(resp *http.Response) string {
	if resp.Status != "" {
		return resp.Status
	}
	return fmt.Sprintf("%d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
}

// readTracker keeps the read error apart from write errors (a network
// failure is worth a retry, a full disk is not) and pushes the idle
// deadline back whenever data arrives.
type readTracker struct {
	r       io.Reader
	idle    *time.Timer
	timeout time.Duration
	err     error
}

func (t *readTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if n > 0 {
		t.idle.Reset(t.timeout)
	}
	if err != nil && err != io.EOF {
		t.err = err
	}
	return n, err
}
