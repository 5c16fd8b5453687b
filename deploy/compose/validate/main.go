// Command validate loads docker-compose.yml the way `docker compose` does (compose-go: interpolation, the
// Compose Specification's JSON schema, merge keys, depends_on conditions) and fails on any error. It needs no
// Docker engine:
//
//	cd deploy/compose/validate && go run . ../../../docker-compose.yml
//
// Secrets the file requires (${VAR:?...}) must be set in the environment; tests/unit/ops sets dummy values.
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: validate <docker-compose.yml>")
		os.Exit(2)
	}
	path, err := filepath.Abs(os.Args[1])
	if err != nil {
		fail(err)
	}
	opts, err := cli.NewProjectOptions(
		[]string{path},
		cli.WithOsEnv,
		cli.WithWorkingDirectory(filepath.Dir(path)),
		cli.WithInterpolation(true),
		cli.WithResolvedPaths(true),
	)
	if err != nil {
		fail(err)
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	fmt.Printf("ok: project %q, %d services\n", project.Name, len(project.Services))
	for _, name := range project.ServiceNames() {
		fmt.Println(" ", name)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "invalid:", err)
	os.Exit(1)
}
