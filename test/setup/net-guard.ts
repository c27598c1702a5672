// Every test process runs under the loopback-only network guard: a test that reaches
// past loopback from the test process itself fails loudly instead of putting a packet
// on the machine's real network. (Lab traffic runs in child processes inside the lab's
// own namespaces, started through `ip netns exec`.)
import '../api/net-guard.js';
