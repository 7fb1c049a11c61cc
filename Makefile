# Makefile: the two set-up commands (make run, make check) and a few helpers around meson.
BUILD := build
CHECK := build-check
DB ?= dondoc.db
LISTEN ?= 127.0.0.1:8080

.PHONY: all deps run reset-demo check bench fmt clean

all: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

deps:
	@scripts/deps

$(BUILD)/build.ninja:
	meson setup $(BUILD) --buildtype=release

$(CHECK)/build.ninja:
	meson setup $(CHECK) --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false

# Build, create the demo store from the seed when there is none (an existing store, with
# the office's work in it, is only brought up to date), start the web application.
run: all
	@if [ -e $(DB) ]; then $(BUILD)/dondoc --db $(DB) init; \
	else $(BUILD)/dondoc --db $(DB) init --demo; fi
	$(BUILD)/dondoc --db $(DB) session show --organ HU:bch --term XXII --number 26
	@echo "dondoc: mở http://$(LISTEN)/ và đăng nhập: vanphong / demo-vanphong (văn phòng);"
	@echo "        cũng có admin / demo-admin, uyvien / demo-uyvien, xem / demo-xem, donvi / demo-donvi,"
	@echo "        lienson / demo-lienson (văn phòng Đảng ủy xã Liên Sơn)"
	$(BUILD)/dondoc --db $(DB) serve --listen $(LISTEN)

# Start again from the demo: the store (and its anchor) is replaced; its audit key is kept.
reset-demo: all
	$(BUILD)/dondoc --db $(DB) init --demo --force

# Build with AddressSanitizer and UndefinedBehaviorSanitizer and run every test: the unit and
# CLI suites on SQLite, then again (names ending in -pg) on one throwaway PostgreSQL cluster
# that tests/pg/with-cluster.sh starts for the run and stops after it.
check: deps $(CHECK)/build.ninja
	ninja -C $(CHECK)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		tests/pg/with-cluster.sh meson test -C $(CHECK) --print-errorlogs --num-processes 2; \
	rc=$$?; scripts/test-summary $(CHECK)/meson-logs/testlog.json; exit $$rc

bench: all
	scripts/bench $(BUILD)

fmt:
	scripts/check-format --fix

clean:
	rm -rf $(BUILD) $(CHECK)
