# Two commands do all the set-up: `make report` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: report test lab bench clean

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python >= 3.11 is needed, found " + sys.version' 
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	# uv installs the pinned set in seconds; pip is the fallback when uv cannot be had. Bytecode is compiled at
	# install time, as pip does, so a first import never prints SyntaxWarnings from third-party sources.
	if $(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock uv \
	    && $(VENV)/bin/uv pip install --quiet --python $(PY) --compile-bytecode -c requirements.lock -e '.[dev]'; \
	then :; else $(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'; fi
	touch $(STAMP)

## report: build every notebook and the HTML reports into reports/
report: $(STAMP)
	$(VENV)/bin/guanxian-analysis tables
	$(VENV)/bin/guanxian-analysis build

## test: the whole test suite (it runs the build too)
test: $(STAMP)
	$(PY) -m pytest

## lab: open JupyterLab on the project, configured by jupyter/ (CJK font, .py opens as a notebook); everything it
## writes goes to .cache/lab/, tables written by notebooks to LAB_TABLES_DIR. LAB_ARGS: more `jupyter lab` options.
LAB_ROOT       ?= .
LAB_CACHE      := $(CURDIR)/.cache/lab
LAB_TABLES_DIR ?= $(LAB_CACHE)/tables
LAB_ARGS       ?=
lab: $(STAMP)
	JUPYTER_CONFIG_DIR=$(CURDIR)/jupyter JUPYTER_DATA_DIR=$(LAB_CACHE)/data JUPYTER_RUNTIME_DIR=$(LAB_CACHE)/runtime \
	JUPYTERLAB_SETTINGS_DIR=$(LAB_CACHE)/user-settings JUPYTERLAB_WORKSPACES_DIR=$(LAB_CACHE)/workspaces \
	IPYTHONDIR=$(LAB_CACHE)/ipython MPLCONFIGDIR=$(LAB_CACHE)/matplotlib GUANXIAN_TABLES_DIR=$(LAB_TABLES_DIR) \
	$(VENV)/bin/jupyter lab --notebook-dir=$(LAB_ROOT) $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

## bench: print the benchmark figures
bench: $(STAMP)
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) .cache reports/*.html reports/data reports/screenshots
