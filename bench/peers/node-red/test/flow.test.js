// The committed flow's rule, run as Node-RED runs a function node: same code, a context, one message at a time.
const test = require("node:test");
const assert = require("node:assert");
const flows = require("../flows.json");

function rule() {
    const node = flows.find(n => n.id === "fn-rules");
    const run = new Function("msg", "context", node.func);
    const store = {};
    const context = {get: k => store[k], set: (k, v) => { store[k] = v; }};
    return (device, value, ts) => run({topic: "safetyhub/chem-banan-01/gas-alarm/" + device + "/telemetry",
        payload: {ts: ts, readings: [{metric: "gas_lel", value: value, unit: "%LEL"}]}}, context);
}

test("every reading becomes one line for the file", () => {
    const [lines, alarms] = rule()("GA-0001", 3.0, "2026-11-22T08:00:00.250Z");
    assert.strictEqual(lines.length, 1);
    assert.deepStrictEqual(JSON.parse(lines[0].payload), {deviceId: "GA-0001", enterpriseId: "chem-banan-01",
        kind: "gas-alarm", metric: "gas_lel", value: 3, unit: "%LEL", ts: "2026-11-22T08:00:00.250Z"});
    assert.strictEqual(alarms.length, 0);
});

test("20 %LEL raises yellow with SafetyHub's alarm id, once", () => {
    const send = rule();
    const [, raised] = send("GA-0001", 20, "2026-11-22T08:00:00.250Z");
    const alarm = JSON.parse(raised[0].payload);
    assert.strictEqual(raised[0].topic, "safetyhub/chem-banan-01/gas-alarm/GA-0001/alarm");
    assert.strictEqual(alarm.change, "RAISED");
    assert.strictEqual(alarm.level, "YELLOW");
    assert.strictEqual(alarm.alarmId, "GA-0001|default-gas-lel|" + Date.parse("2026-11-22T08:00:00.250Z"));
    assert.strictEqual(send("GA-0001", 30, "2026-11-22T08:00:01.250Z")[1].length, 0);
});

test("50 %LEL raises the open alarm to orange", () => {
    const send = rule();
    send("GA-0001", 25, "2026-11-22T08:00:00.000Z");
    const alarm = JSON.parse(send("GA-0001", 50, "2026-11-22T08:00:01.000Z")[1][0].payload);
    assert.strictEqual(alarm.change, "LEVEL_RAISED");
    assert.strictEqual(alarm.level, "ORANGE");
    assert.strictEqual(alarm.threshold, 50);
});

test("it clears only below the dead-band, and the next high raises a new alarm", () => {
    const send = rule();
    send("GA-0001", 30, "2026-11-22T08:00:00.000Z");
    assert.strictEqual(send("GA-0001", 18.5, "2026-11-22T08:00:01.000Z")[1].length, 0, "18.5 is within 2 of 20");
    assert.strictEqual(JSON.parse(send("GA-0001", 17.9, "2026-11-22T08:00:02.000Z")[1][0].payload).change, "CLEARED");
    const again = JSON.parse(send("GA-0001", 30, "2026-11-22T08:00:03.000Z")[1][0].payload);
    assert.strictEqual(again.change, "RAISED");
    assert.ok(again.alarmId.endsWith("|" + Date.parse("2026-11-22T08:00:03.000Z")));
});

test("devices keep their own alarms", () => {
    const send = rule();
    send("GA-0001", 30, "2026-11-22T08:00:00.000Z");
    assert.strictEqual(JSON.parse(send("GA-0002", 30, "2026-11-22T08:00:00.000Z")[1][0].payload).deviceId, "GA-0002");
});

test("a message that is not telemetry is dropped", () => {
    const run = rule();
    assert.strictEqual(new Function("msg", "context", flows.find(n => n.id === "fn-rules").func)(
        {topic: "safetyhub/x/telemetry", payload: {}}, {get: () => undefined, set: () => {}}), null);
    assert.ok(run);
});
