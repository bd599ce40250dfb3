# Two commands on a fresh machine: `make serve` and `make test`. Each target is a thin
# wrapper over an invoke task in tasks.py, after making sure .venv matches requirements.lock.

PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-lock
INVOKE := $(VENV)/bin/invoke
PIP_INSTALL := install --quiet --disable-pip-version-check --require-hashes

.PHONY: serve test build publish preview check new-post lint lock venv clean

# What is typed on make's command line (TITLE, AUTHOR, CATEGORY, PORT) reaches a task as typed,
# in the environment under a name of its own (see new-post). The variables themselves are not
# exported: make would expand them for that, running a $(shell …) in a title.
unexport TITLE AUTHOR CATEGORY PORT

# make serve [PORT=8001]: the port typed on make's command line (not a PORT the environment
# happens to hold). A recipe that needs the shell (quotes, a shell variable) runs the task
# with exec: make sends SIGTERM (an editor's stop button, `kill <make>`) to its child, and a
# shell in between would die of it and leave the server running. The other recipes are plain
# commands, which make runs without a shell.
serve: export SERVE_PORT := $(if $(filter command line,$(origin PORT)),$(value PORT))
serve: $(STAMP)
	exec $(INVOKE) serve --port="$$SERVE_PORT"

test: $(STAMP)
	$(INVOKE) test

build: $(STAMP)
	$(INVOKE) build

publish: $(STAMP)
	$(INVOKE) publish

preview: $(STAMP)
	$(INVOKE) preview

check: $(STAMP)
	$(INVOKE) check

lint: $(STAMP)
	$(INVOKE) lint

# make new-post TITLE="Our new office" [AUTHOR="Maya Okafor"] [CATEGORY="Engineering"]
# The title, the author and the category reach the task as typed: $(value …) is the text make
# was given (make expands $x in it otherwise), handed over in the environment, so the shell reads a
# parameter and never the text itself (backticks, $(…), quotes, a leading - are words of
# the title). --title=… with = keeps a title that starts with - from being read as an option.
new-post: export NEW_POST_TITLE := $(value TITLE)
new-post: export NEW_POST_AUTHOR := $(value AUTHOR)
new-post: export NEW_POST_CATEGORY := $(value CATEGORY)
new-post: $(STAMP)
	exec $(INVOKE) new-post --title="$$NEW_POST_TITLE" --author="$$NEW_POST_AUTHOR" \
		--category="$$NEW_POST_CATEGORY"

lock: $(STAMP)
	$(INVOKE) lock

venv: $(STAMP)

# The venv is (re)made whenever requirements.lock (or the installer's pin) is newer than the
# last install. pip installs uv from requirements-bootstrap.lock (pinned, hash-checked); uv then
# installs exactly requirements.lock, hash-checked, in seconds. Where uv cannot run (no wheel
# for this machine, say), pip installs requirements.lock itself, as hash-checked but slower.
# The venv is made without pip (putting pip in it took 5.7 s of the first minute): the pip of
# $(PYTHON) installs into it (--python, pip 22.3 or newer); only where $(PYTHON) has no such pip
# does the venv get its own (ensurepip, as `python3 -m venv` did).
# Where Python may not write bytecode (PYTHONDONTWRITEBYTECODE set, as on this project's machines),
# every build would compile its imports again, 1.2 s (docs/performance.md#first-minute): the
# packages a build and `make serve` import are compiled here (tasks.BUILD_IMPORTS), the rest by
# `invoke test` (SciPy, Playwright, pytest: compiling the whole environment here took 10.7 s
# more). Elsewhere the first build writes what it imports, only that, and sooner.
COMPILE := $(if $(PYTHONDONTWRITEBYTECODE),$(VENV)/bin/python -c 'import tasks; tasks.installed_bytecode()')
$(STAMP): requirements.lock requirements-bootstrap.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))"; exit 1; }
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv --without-pip $(VENV)
	@if $(PYTHON) -c 'import sys, pip; sys.exit(tuple(map(int, pip.__version__.split(".")[:2])) < (22, 3))' 2>/dev/null; \
	then pip="$(PYTHON) -m pip --python $(VENV)/bin/python"; \
	else pip="$(VENV)/bin/python -m pip"; $$pip --version >/dev/null 2>&1 \
		|| $(VENV)/bin/python -m ensurepip --default-pip >/dev/null 2>&1 \
		|| { echo "$(PYTHON) has no pip (22.3 or newer) to install into $(VENV), nor ensurepip to give $(VENV) its own: install pip (Debian: apt-get install python3-pip)"; exit 1; }; \
	fi; \
	echo "Installing requirements.lock into $(VENV), hash-checked (uv, installed by pip)"; \
	$$pip $(PIP_INSTALL) -r requirements-bootstrap.lock \
		&& $(VENV)/bin/uv pip sync --quiet --require-hashes --python $(VENV)/bin/python requirements.lock \
		|| { echo "uv could not install requirements.lock: installing it with pip instead"; \
		     $$pip $(PIP_INSTALL) -r requirements.lock; }
	$(COMPILE)
	@cp requirements.lock $(STAMP)

clean:
	rm -rf output .output.builds .cache test-artifacts
