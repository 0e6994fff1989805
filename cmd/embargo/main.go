// Command embargo is the sanctions screening engine's binary. It only
// wires the command line to the process: see package cli.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/embargo-screening/embargo/internal/cli"
)

func main() {
	// An interrupt cancels the context: an import in progress rolls back.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
