package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/match"
	"github.com/embargo-screening/embargo/internal/store"
)

// Error codes of the JSON error body.
const (
	codeBadRequest  = "bad_request"
	codeNotFound    = "not_found"
	codeMethod      = "method_not_allowed"
	codeTooLarge    = "too_large"
	codeTimeout     = "timeout"
	codeUnsupported = "unsupported_media_type"
	codeUnavailable = "unavailable"
	codeInternal    = "internal"
)

// apiError is an answer other than success: the status and the JSON body
// {"error": {"code", "message", "field"}, "detail": message}. detail
// repeats the message where yente clients look for it.
type apiError struct {
	Status     int           `json:"-"`
	RetryAfter time.Duration `json:"-"` // sent as Retry-After with a 503
	Code       string        `json:"code"`
	Message    string        `json:"message"`
	Field      string        `json:"field,omitempty"`
}

func (e *apiError) Error() string { return e.Message }

type errorBody struct {
	Error  *apiError `json:"error"`
	Detail string    `json:"detail"`
}

func badRequest(field, format string, args ...any) *apiError {
	msg := fmt.Sprintf(format, args...)
	if field != "" {
		msg = field + ": " + msg
	}
	return &apiError{Status: http.StatusBadRequest, Code: codeBadRequest, Message: msg, Field: field}
}

func notFound(format string, args ...any) *apiError {
	return &apiError{Status: http.StatusNotFound, Code: codeNotFound, Message: fmt.Sprintf(format, args...)}
}

func unavailable(format string, args ...any) *apiError {
	return &apiError{Status: http.StatusServiceUnavailable, Code: codeUnavailable, Message: fmt.Sprintf(format, args...)}
}

func tooLarge(field, format string, args ...any) *apiError {
	msg := fmt.Sprintf(format, args...)
	if field != "" {
		msg = field + ": " + msg
	}
	return &apiError{Status: http.StatusRequestEntityTooLarge, Code: codeTooLarge, Message: msg, Field: field}
}

var errNoSnapshot = unavailable("no index loaded yet: the lists are still loading (see /readyz)")
var errNoStore = unavailable("this server has no list store: entity histories, list versions, diffs and as_of need one")

// toAPIError classifies an error.
func toAPIError(err error) *apiError {
	var ae *apiError
	var qe *match.QueryError
	var mbe *http.MaxBytesError
	var busy *engine.BusyError
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.As(err, &busy):
		return &apiError{Status: http.StatusServiceUnavailable, Code: codeUnavailable, Message: busy.Msg, RetryAfter: busy.RetryAfter}
	case errors.As(err, &qe):
		return badRequest(qe.Field, "%s", qe.Msg)
	case errors.As(err, &mbe):
		return tooLarge("", "request body is over the limit of %d bytes", mbe.Limit)
	case errors.Is(err, context.DeadlineExceeded):
		return &apiError{Status: http.StatusGatewayTimeout, Code: codeTimeout, Message: "the request did not complete within the server's deadline"}
	case errors.Is(err, context.Canceled):
		return unavailable("the request was cancelled")
	case errors.Is(err, engine.ErrNoLists):
		return notFound("%v", err)
	case errors.Is(err, store.ErrNotFound):
		return notFound("%v", err)
	}
	return &apiError{Status: http.StatusInternalServerError, Code: codeInternal, Message: "internal error: the server failed to answer this request (logged)"}
}

// fail answers err, unless the handler already began its answer.
func (s *Server) fail(w *statusWriter, r *http.Request, err error) {
	ae := toAPIError(err)
	switch {
	case ae.Code == codeInternal:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	case ae.Status >= 500:
		s.log.Warn("request failed", "method", r.Method, "path", r.URL.Path, "status", ae.Status, "err", err)
	default:
		s.log.Debug("request refused", "method", r.Method, "path", r.URL.Path, "status", ae.Status, "err", ae.Message)
	}
	if w.wrote {
		return
	}
	s.writeError(w, r, ae)
}

func (s *Server) writeError(w http.ResponseWriter, r *http.Request, ae *apiError) {
	if ae.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(max(ae.RetryAfter.Seconds(), 1))))
	}
	if ae.Status == http.StatusRequestEntityTooLarge {
		// The rest of the body is not read: do not keep the connection.
		w.Header().Set("Connection", "close")
	}
	s.writeJSON(w, r, ae.Status, &errorBody{Error: ae, Detail: ae.Message})
}

// snapshotFor returns the snapshot to screen against for an as_of date
// ("" for the current one).
func (s *Server) snapshotFor(r *http.Request, asOf string) (*held, error) {
	if asOf == "" {
		if h := s.current(); h != nil {
			return h, nil
		}
		return nil, errNoSnapshot
	}
	if s.cfg.Store == nil {
		return nil, errNoStore
	}
	snap, err := s.eng.At(r.Context(), asOf)
	if err != nil {
		return nil, err
	}
	return newHeld(snap), nil
}
