package server

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestSlowClientsDoNotWedge opens real TCP connections that send their headers, or
// their body, too slowly: the server drops them after ReadTimeout and keeps
// answering everybody else.
func TestSlowClientsDoNotWedge(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.ReadTimeout = 300 * time.Millisecond })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go f.srv.Serve(ctx, ln)
	addr := ln.Addr().String()

	for _, tc := range []struct{ name, first string }{
		{"headers", "POST /v1/screen HTTP/1.1\r\nHost: x\r\n"},
		{"body", "POST /v1/screen HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"na"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := io.WriteString(conn, tc.first); err != nil {
				t.Fatal(err)
			}
			// Nothing more is sent. The server must give up on its own.
			conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			start := time.Now()
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err == nil {
				// A body read that timed out may be answered before closing.
				resp.Body.Close()
				if resp.StatusCode < 400 {
					t.Errorf("slow %s answered %d", tc.name, resp.StatusCode)
				}
			}
			if waited := time.Since(start); waited > 4*time.Second {
				t.Errorf("slow %s: connection still open after %v", tc.name, waited)
			}
			// Meanwhile everybody else is served.
			r, err := http.Post("http://"+addr+"/v1/screen", "application/json", strings.NewReader(`{"name": "x"}`))
			if err != nil {
				t.Fatal(err)
			}
			r.Body.Close()
			if r.StatusCode != 200 {
				t.Errorf("normal request after a slow %s: %d", tc.name, r.StatusCode)
			}
		})
	}
}
