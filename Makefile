# The ADV suite's two commands. See README.md.
.PHONY: run test
run:    ## build (once) and serve the demo database on http://localhost:8069 (admin / admin)
	./scripts/run.sh
test:   ## lint, build, install and test everything; exit non-zero on any failure
	./scripts/test.sh $(ARGS)
