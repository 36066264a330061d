package io.safetyhub.warning.alarm;

/** The in-memory repository of the engine's tests keeps the repository contract. */
class InMemoryAlarmRepositoryTest extends AlarmRepositoryContract {

    @Override
    protected AlarmRepository emptyRepository() {
        return new InMemoryAlarmRepository();
    }
}
