import RegistryDomain
import Testing

@testable import RegistryAPI

/// The long-poll's wake-up, without a socket: a commit or a shutdown ends a wait, not its timeout. (The
/// timeouts are long so that a loaded machine cannot make a correct wake-up look like a timeout.)
@Suite struct ChangeNotifierTests {
    @Test func aWaitEndsOnTheNextNotification() async {
        let notifier = ChangeNotifier()
        let generation = notifier.generation
        async let woken = notifier.waitForChange(after: generation, timeout: .seconds(600))
        notifier.notify(regions: nil)
        #expect(await woken)
        #expect(notifier.generation == generation + 1)
    }

    @Test func aNotificationBeforeTheWaitIsNotLost() async {
        let notifier = ChangeNotifier()
        let generation = notifier.generation
        notifier.notify(regions: nil)
        #expect(await notifier.waitForChange(after: generation, timeout: .seconds(600)))
    }

    @Test func withoutANotificationTheWaitTimesOut() async {
        let notifier = ChangeNotifier()
        #expect(await notifier.waitForChange(after: notifier.generation, timeout: .milliseconds(1)) == false)
    }

    @Test func closingEndsEveryWaitNowAndLater() async {
        let notifier = ChangeNotifier()
        let generation = notifier.generation
        async let woken = notifier.waitForChange(after: generation, timeout: .seconds(600))
        notifier.close()
        #expect(await woken)
        #expect(await notifier.waitForChange(after: generation, timeout: .seconds(600)))
        #expect(notifier.isClosed)
    }

    /// Suspends until `count` waits are registered; nothing sleeps (each turn lets the waiting tasks run).
    static func untilWaiting(_ notifier: ChangeNotifier, _ count: Int) async {
        while notifier.waiterCount < count { await Task.yield() }
    }

    @Test func aCommitWakesOnlyTheWaitersWhoseScopeHoldsItsEvents() async throws {
        let notifier = ChangeNotifier()
        let generation = notifier.generation
        let dongguan = [try RegionCode("4419")]
        let shenzhen = [try RegionCode("4403")]
        async let inDongguan = notifier.waitForChange(after: generation, within: dongguan, timeout: .seconds(600))
        async let inShenzhen = notifier.waitForChange(after: generation, within: shenzhen, timeout: .seconds(600))
        async let everywhere = notifier.waitForChange(after: generation, within: [], timeout: .seconds(600))
        await Self.untilWaiting(notifier, 3)
        notifier.notify(regions: [try RegionCode("441900100001")])
        // Resumed under the lock in `notify`: the Shenzhen wait is the only one left, at once.
        #expect(notifier.waiterCount == 1)
        #expect(await inDongguan)
        #expect(await everywhere)
        notifier.notify(regions: [try RegionCode("440300100001"), try RegionCode("4419")])
        #expect(await inShenzhen)
        #expect(notifier.waiterCount == 0)
    }

    @Test func anEventAboveTheScopeIsNotInItAndWakesNothing() async throws {
        let notifier = ChangeNotifier()
        let generation = notifier.generation
        let dongguan = [try RegionCode("4419")]
        async let woken = notifier.waitForChange(after: generation, within: dongguan, timeout: .seconds(600))
        await Self.untilWaiting(notifier, 1)
        // A province-level event is not in a city's feed (the store filters by prefix the same way).
        notifier.notify(regions: [try RegionCode("44")])
        #expect(notifier.waiterCount == 1)
        notifier.notify(regions: nil)
        #expect(await woken)
    }

    @Test func aTokenHoldsAtMostItsLongPolls() {
        let notifier = ChangeNotifier(longPollsPerToken: 2)
        #expect(notifier.beginLongPoll(token: 7))
        #expect(notifier.beginLongPoll(token: 7))
        #expect(notifier.beginLongPoll(token: 7) == false)
        #expect(notifier.beginLongPoll(token: 8), "another token has its own")
        notifier.endLongPoll(token: 7)
        #expect(notifier.beginLongPoll(token: 7))
        #expect(notifier.beginLongPoll(token: 7) == false)
    }
}
