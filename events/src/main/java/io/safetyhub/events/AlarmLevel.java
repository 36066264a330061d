package io.safetyhub.events;

/**
 * The four-colour warning levels of Chinese emergency management: I red (特别严重), II orange (严重),
 * III yellow (较重), IV blue (一般). Lower {@link #rank()} is more severe.
 */
public enum AlarmLevel {
    RED(1), ORANGE(2), YELLOW(3), BLUE(4);

    private final int rank;

    AlarmLevel(int rank) {
        this.rank = rank;
    }

    /** 1 for level I (red) up to 4 for level IV (blue). */
    public int rank() {
        return rank;
    }

    public boolean isMoreSevereThan(AlarmLevel other) {
        return rank < other.rank;
    }

    public String roman() {
        return switch (this) {
            case RED -> "I";
            case ORANGE -> "II";
            case YELLOW -> "III";
            case BLUE -> "IV";
        };
    }
}
