import Testing

@testable import RegistryAPI

/// The long-poll's wake-up, without a socket: a commit or a shutdown ends a wait, not its timeout. (The
/// timeouts are long so that a loaded machine cannot make a correct wake-up look like a timeout.)
@Suite struct ChangeNotifierTests {
    @Test func aWaitEndsOnTheNextNotification() async {
        let notifier = ChangeNotifier()
        let generation = notifier.generation
        async let woken = notifier.waitForChange(after: generation, timeout: .seconds(600))
        notifier.notify()
        #expect(await woken)
        #expect(notifier.generation == generation + 1)
    }

    @Test func aNotificationBeforeTheWaitIsNotLost() async {
        let notifier = ChangeNotifier()
        let generation = notifier.generation
        notifier.notify()
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
}
