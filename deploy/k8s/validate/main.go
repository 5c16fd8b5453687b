// Command validate builds a kustomization the way `kubectl apply -k` does (sigs.k8s.io/kustomize/api) and decodes
// every resulting object strictly against the Kubernetes API types (k8s.io/api through client-go's scheme): an
// unknown field, a wrong type or an unknown built-in kind fails. Custom resources (Strimzi, CloudNativePG,
// Prometheus Operator, KEDA, OpenTelemetry Operator) are listed, not decoded: tests/unit/ops checks their structure. No cluster is needed.
//
//	cd deploy/k8s/validate && go run . ../base
//
// With -o FILE it also writes the built manifests (one YAML stream) for other checks.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer/json"
	"k8s.io/client-go/kubernetes/scheme"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

var customGroups = []string{"kafka.strimzi.io/", "postgresql.cnpg.io/", "monitoring.coreos.com/", "keda.sh/",
	"opentelemetry.io/"}

func main() {
	out := flag.String("o", "", "write the built manifests to this file")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: validate [-o built.yaml] <kustomization dir>")
		os.Exit(2)
	}
	k := krusty.MakeKustomizer(krusty.MakeDefaultOptions())
	resources, err := k.Run(filesys.MakeFsOnDisk(), flag.Arg(0))
	if err != nil {
		fail("kustomize build: %v", err)
	}
	decoder := json.NewSerializerWithOptions(json.DefaultMetaFactory, scheme.Scheme, scheme.Scheme,
		json.SerializerOptions{Yaml: true, Strict: true})
	var stream []string
	problems := 0
	for _, res := range resources.Resources() {
		doc, err := res.AsYAML()
		if err != nil {
			fail("%s: %v", res.CurId(), err)
		}
		stream = append(stream, string(doc))
		apiVersion := res.GetApiVersion()
		id := fmt.Sprintf("%s %s/%s", res.GetKind(), res.GetNamespace(), res.GetName())
		if isCustom(apiVersion) {
			fmt.Printf("custom   %s (%s)\n", id, apiVersion)
			continue
		}
		var into runtime.Object
		if _, _, err := decoder.Decode(doc, nil, into); err != nil {
			fmt.Printf("INVALID  %s: %v\n", id, err)
			problems++
			continue
		}
		fmt.Printf("ok       %s (%s)\n", id, apiVersion)
	}
	if *out != "" {
		if err := os.WriteFile(*out, []byte(strings.Join(stream, "---\n")), 0o644); err != nil {
			fail("%v", err)
		}
	}
	if problems > 0 {
		fail("%d invalid object(s)", problems)
	}
	fmt.Printf("%d objects\n", len(stream))
}

func isCustom(apiVersion string) bool {
	for _, g := range customGroups {
		if strings.HasPrefix(apiVersion, g) {
			return true
		}
	}
	return false
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "invalid: "+format+"\n", args...)
	os.Exit(1)
}
