package io.safetyhub.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fields a typed model did not know. fabric8 and Strimzi models keep such fields in {@code additionalProperties}
 * instead of failing, so a misspelt {@code readinesProbe} would otherwise parse and be silently ignored by the
 * cluster as well. This walks the model's getters and reports every non-empty {@code additionalProperties}.
 */
final class UnknownFields {
    private final List<String> found = new ArrayList<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private UnknownFields() {
    }

    static List<String> in(Object model) {
        UnknownFields walker = new UnknownFields();
        walker.walk(model, "");
        return walker.found;
    }

    private void walk(Object value, String path) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]");
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.") && !pkg.startsWith("io.strimzi.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object child = call(getter, value);
            String field = fieldName(getter);
            if (field.equals("additionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> found.add(path.isEmpty() ? String.valueOf(key) : path.substring(1) + "." + key));
                }
            } else {
                walk(child, path + "." + field);
            }
        }
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && method.getDeclaringClass() != Object.class
                && (method.getName().startsWith("get") || method.getName().startsWith("is"))
                && method.getReturnType() != void.class;
    }

    private static String fieldName(Method getter) {
        String name = getter.getName().startsWith("is") ? getter.getName().substring(2) : getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object call(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            // A computed getter that cannot answer on this object holds no parsed field.
            return null;
        }
    }
}
