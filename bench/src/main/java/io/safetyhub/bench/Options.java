package io.safetyhub.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs after the command word; unknown names are an error so that a typo never runs a bench. */
public final class Options {
    private final Map<String, String> values = new HashMap<>();
    private final List<String> used = new ArrayList<>();

    public Options(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --name value, got '" + a + "'");
            }
            values.put(a.substring(2), args.get(++i));
        }
    }

    public String get(String name, String fallback) {
        used.add(name);
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }

    public List<Integer> integers(String name, String fallback) {
        List<Integer> out = new ArrayList<>();
        for (String part : get(name, fallback).split(",")) {
            out.add(Integer.parseInt(part.trim()));
        }
        return out;
    }

    /** Fails on names no getter asked for; call after reading every option. */
    public void rejectUnknown() {
        List<String> unknown = values.keySet().stream().filter(k -> !used.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", unknown));
        }
    }
}
