package io.safetyhub.enterprise.majorhazard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** GB 18218-2018 表1, read once from {@code /gb18218/table1.csv} (the data stay data, one row per 序号). */
public final class SubstanceTable {
    static final String RESOURCE = "/gb18218/table1.csv";
    private static final List<NamedSubstance> ROWS = load();

    private SubstanceTable() {
    }

    public static List<NamedSubstance> rows() {
        return ROWS;
    }

    /** The row a typed name, alias or CAS number denotes (trimmed, exact), if 表1 names it. */
    public static Optional<NamedSubstance> find(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = typed.strip();
        return ROWS.stream().filter(r -> r.knownAs(t)).findFirst();
    }

    private static List<NamedSubstance> load() {
        try (InputStream in = SubstanceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            List<NamedSubstance> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                rows.add(new NamedSubstance(Integer.parseInt(f[0]), f[1], split(f[2]), split(f[3]), new BigDecimal(f[4]),
                        f[5].isBlank() ? null : HazardCategory.valueOf(f[5])));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static List<String> split(String field) {
        return field.isBlank() ? List.of() : Arrays.stream(field.split(";")).map(String::strip).toList();
    }
}
