package io.safetyhub.enterprise.assessment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The 2018 guide's scored items (危险化学品生产储存企业安全风险评估诊断分级指南（试行）), read from
 * {@code src/main/resources/guide2018/items.csv}: one row per item, naming it, with its maximum deduction or its bonus.
 */
public final class GuideTable {
    static final String RESOURCE = "/guide2018/items.csv";
    /** The standardisation bonuses: an enterprise holds one grade at most. */
    static final Set<String> STANDARDISATION = Set.of("B2", "B3", "B4");
    private static final Map<String, GuideItem> ITEMS = load();

    private GuideTable() {
    }

    public static List<GuideItem> items() {
        return List.copyOf(ITEMS.values());
    }

    public static Optional<GuideItem> item(String code) {
        return Optional.ofNullable(code == null ? null : ITEMS.get(code));
    }

    private static Map<String, GuideItem> load() {
        try (InputStream in = GuideTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            Map<String, GuideItem> items = new LinkedHashMap<>();
            List<String> lines = new ArrayList<>(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
            lines.remove(0); // header
            for (String line : lines) {
                String[] f = line.split("\\|", -1);
                GuideItem item = new GuideItem(f[0], GuideItem.Kind.valueOf(f[1]), f[2], f[3], Integer.parseInt(f[4]), f[5]);
                if (items.put(item.code(), item) != null) {
                    throw new IllegalStateException(RESOURCE + ": item " + item.code() + " twice");
                }
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
