// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {console} from "forge-std/console.sol";
import {FinancingPool} from "../src/FinancingPool.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {HardwareAssetRegistry} from "../src/HardwareAssetRegistry.sol";
import {ProtocolFixture} from "./utils/ProtocolFixture.sol";

/// Issue 9, finding 1: the exit queue could be frozen by requesting and cancelling over and over. Builds the attack
/// at full size (5,000 cancelled and 5,000 minimum-sized pending requests) and measures what it costs others.
contract FinancingPoolQueueGasTest is ProtocolFixture {
    uint256 internal constant GRIEF_ENTRIES = 5_000;
    uint256 internal constant ATTACKERS = 10;
    uint256 internal constant VICTIM_DEPOSIT = 1_000e6;
    uint256 internal constant REPAYMENT = 1_000e6;

    /// Three pools in the same state but for their queues, all built in setUp so that every measurement reads
    /// committed storage, as a transaction of its own would.
    FinancingPool internal emptyPool; // no request at all: the baseline for deposit and repayment
    FinancingPool internal twoLivePool; // two live minimum requests: the baseline for a fill
    uint256 internal emptyAsset;
    uint256 internal twoLiveAsset;
    uint256 internal queuedRequest; // an honest request behind the attackers' in `pool`

    // One depositing victim and one manager key per pool, so that no measurement finds a slot another wrote.
    address internal victim = makeAddr("victim");
    address internal victimOfEmpty = makeAddr("victimOfEmpty");
    address internal managerOfEmpty = makeAddr("managerOfEmpty");
    address[] internal attackers;

    function setUp() public override {
        super.setUp();
        vm.pauseGasMetering();
        for (uint256 i = 0; i < ATTACKERS; i++) {
            attackers.push(makeAddr(string.concat("attacker", vm.toString(i))));
        }
        _seed(pool, assetA);
        (emptyPool, emptyAsset) = _newSeededPool("Ashburn H100 Round 2", "myASH2");
        (twoLivePool, twoLiveAsset) = _newSeededPool("Ashburn H100 Round 3", "myASH3");

        // The attack on `pool`, and the same two live requests (without the cancelled ones) on `twoLivePool`.
        queuedRequest = _grief();
        uint256 dust = twoLivePool.previewWithdraw(MIN_DEPOSIT);
        _depositInto(twoLivePool, carol, 3 * MIN_DEPOSIT);
        vm.startPrank(carol);
        twoLivePool.requestRedeem(dust, carol, carol);
        twoLivePool.requestRedeem(dust, carol, carol);
        vm.stopPrank();

        // The victims' cash and the repayments are ready beforehand: only the calls themselves are measured.
        usdc.mint(victim, VICTIM_DEPOSIT);
        vm.prank(victim);
        usdc.approve(address(pool), VICTIM_DEPOSIT);
        usdc.mint(victimOfEmpty, VICTIM_DEPOSIT);
        vm.prank(victimOfEmpty);
        usdc.approve(address(emptyPool), VICTIM_DEPOSIT);
        usdc.mint(manager, REPAYMENT);
        bytes32 managerRole = emptyPool.POOL_MANAGER_ROLE();
        vm.prank(admin);
        emptyPool.grantRole(managerRole, managerOfEmpty);
        usdc.mint(managerOfEmpty, REPAYMENT);
        vm.prank(managerOfEmpty);
        usdc.approve(address(emptyPool), type(uint256).max);
        vm.resumeGasMetering();
    }

    /// Before: every deposit and repayment walked each cancelled entry (~2.7k gas each); ~10k entries froze them.
    function test_queueGriefing_depositAndRepaymentCostTheSameWithTenThousandEntries() public {
        assertEq(emptyPool.redeemRequestCount(), 0);
        assertEq(pool.redeemRequestCount(), 2 * GRIEF_ENTRIES + 1);

        uint256 depositGriefed = _measureDeposit(pool, victim);
        uint256 depositEmpty = _measureDeposit(emptyPool, victimOfEmpty);
        uint256 repayGriefed = _measureRepayment(pool, assetA, manager);
        uint256 repayEmpty = _measureRepayment(emptyPool, emptyAsset, managerOfEmpty);

        console.log("queue griefing: 5,000 cancelled + 5,000 minimum-sized pending requests (gas of the call)");
        console.log("  victim's first deposit, empty queue:   ", depositEmpty);
        console.log("  victim's first deposit, griefed queue: ", depositGriefed);
        console.log("  recordRepayment, empty queue:          ", repayEmpty);
        console.log("  recordRepayment, griefed queue:        ", repayGriefed);
        assertLe(depositGriefed * 100, depositEmpty * 110, "deposit at most 10% dearer");
        assertLe(repayGriefed * 100, repayEmpty * 110, "repayment at most 10% dearer");
    }

    /// Before: fillRedemptions walked every cancelled entry too; now they are unlinked and the head is live.
    function test_queueGriefing_cancelledEntriesCostFillRedemptionsNothing() public {
        // The 5,000 cancelled requests are out of the list: the head is the first live request, and every live
        // request points straight at the next live one.
        assertEq(pool.queueHead(), 2, "head skips the cancelled request 1");
        assertEq(pool.redeemRequest(2).next, 4, "live requests link past the cancelled ones");
        assertEq(pool.redeemRequest(3).next, 0, "a cancelled request is unlinked");
        assertEq(pool.redeemRequest(3).pendingShares, 0);

        uint256 fillGriefed = _measureFillOne(pool);
        uint256 fillClean = _measureFillOne(twoLivePool);
        console.log("fillRedemptions(1), no cancelled entries:    ", fillClean);
        console.log("fillRedemptions(1), 5,000 cancelled entries: ", fillGriefed);
        assertLe(fillGriefed * 100, fillClean * 110, "cancelled entries add nothing to a fill");

        // The honest request is served after exactly the live requests ahead of it; nobody is stuck.
        vm.pauseGasMetering();
        assertEq(pool.sharesAheadOf(queuedRequest), GRIEF_ENTRIES * pool.redeemRequest(2).pendingShares);
        uint256 filled = pool.fillRedemptions(type(uint256).max);
        vm.resumeGasMetering();
        assertEq(filled, GRIEF_ENTRIES + 1, "the live attacker requests and the honest one, no cancelled one");
        assertEq(pool.pendingRedeemRequest(queuedRequest, bob), 0);
        assertGt(pool.maxWithdraw(bob), 0);
    }

    /// Before: there was no minimum, so 1 wei of shares could hold a queue slot.
    function test_queueGriefing_requestBelowMinimumRevertsButWholePositionIsAllowed() public {
        FinancingPool p = emptyPool;
        uint256 minimum = p.previewWithdraw(MIN_DEPOSIT);
        uint256 value = p.previewRedeem(minimum - 1);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.BelowMinimumRequest.selector, value, MIN_DEPOSIT));
        vm.prank(alice);
        p.requestRedeem(minimum - 1, alice, alice);

        vm.prank(alice);
        p.requestRedeem(minimum, alice, alice);

        // A holder whose whole position is below the minimum can still leave: all of it, never a slice.
        vm.prank(alice);
        p.transfer(bob, minimum / 2);
        vm.expectRevert(
            abi.encodeWithSelector(PoolStorage.BelowMinimumRequest.selector, p.previewRedeem(minimum / 4), MIN_DEPOSIT)
        );
        vm.prank(bob);
        p.requestRedeem(minimum / 4, bob, bob);
        vm.prank(bob);
        uint256 id = p.requestRedeem(minimum / 2, bob, bob);
        assertEq(p.pendingRedeemRequest(id, bob), minimum / 2);

        // Before: a whole position worth nothing (1 wei of shares handed out by an attacker) could be queued, and
        // every such entry cost whoever fills the queue gas. A request worth nothing is refused.
        vm.prank(alice);
        p.transfer(carol, 1);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.BelowMinimumRequest.selector, 0, MIN_DEPOSIT));
        vm.prank(carol);
        p.requestRedeem(1, carol, carol);
    }

    // ─── helpers ───────────────────────────────────────────────────────────────────────────────────────────

    /// Gas used inside the pool's call (vm.lastCallGas: the callee's view, so the test's own calls before it cannot
    /// warm the pool's address). Each measurement starts cold from the state the test started in and leaves it so,
    /// whatever was measured before.
    function _measureDeposit(FinancingPool p, address who) internal returns (uint256 gasUsed) {
        uint256 snapshot = vm.snapshotState();
        _cool(p);
        vm.prank(who);
        p.deposit(VICTIM_DEPOSIT, who);
        gasUsed = vm.lastCallGas().gasTotalUsed;
        vm.revertToState(snapshot);
    }

    function _measureRepayment(FinancingPool p, uint256 assetId, address who) internal returns (uint256 gasUsed) {
        uint256 snapshot = vm.snapshotState();
        _cool(p);
        vm.prank(who);
        p.recordRepayment(assetId, REPAYMENT);
        gasUsed = vm.lastCallGas().gasTotalUsed;
        vm.revertToState(snapshot);
    }

    function _measureFillOne(FinancingPool p) internal returns (uint256 gasUsed) {
        uint256 snapshot = vm.snapshotState();
        _cool(p);
        vm.prank(carol);
        uint256 filled = p.fillRedemptions(1);
        gasUsed = vm.lastCallGas().gasTotalUsed;
        assertEq(filled, 1);
        vm.revertToState(snapshot);
    }

    function _cool(FinancingPool p) internal {
        vm.cool(address(p));
        vm.cool(address(usdc));
        vm.cool(address(registry));
    }

    /// The same starting point for every pool: one large holder, half the cash deployed to an asset.
    function _seed(FinancingPool p, uint256 assetId) internal {
        _depositInto(p, alice, 1_000_000e6);
        vm.prank(manager);
        p.deployCapital(assetId, 500_000e6);
    }

    function _newSeededPool(string memory name, string memory symbol)
        internal
        returns (FinancingPool p, uint256 assetId)
    {
        vm.prank(admin);
        p = _createPool(name, symbol);
        vm.prank(manager);
        assetId = registry.registerAsset(
            address(p), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100 SXM", 64, "Ashburn, VA", "ipfs://x"
        );
        vm.prank(admin);
        p.setAssetLimit(assetId, ASSET_LIMIT);
        vm.prank(manager);
        usdc.approve(address(p), type(uint256).max);
        _seed(p, assetId);
    }

    function _depositInto(FinancingPool p, address who, uint256 assets) internal {
        usdc.mint(who, assets);
        vm.startPrank(who);
        usdc.approve(address(p), assets);
        p.deposit(assets, who);
        vm.stopPrank();
    }

    /// The attack on `pool`: ten accounts make 10,000 minimum-sized requests, then cancel every other one (so the
    /// cancelled entries sit between live ones, not just at the tail); an honest request (bob) waits behind them.
    function _grief() internal returns (uint256 honestRequest) {
        for (uint256 i = 0; i < ATTACKERS; i++) {
            // Enough for both kinds of request and one minimum more, so that no request is a whole position.
            _depositInto(pool, attackers[i], (2 * GRIEF_ENTRIES / ATTACKERS + 1) * MIN_DEPOSIT);
        }
        uint256 dust = pool.previewWithdraw(MIN_DEPOSIT);
        assertGe(pool.previewRedeem(dust), MIN_DEPOSIT);
        uint256[] memory toCancel = new uint256[](GRIEF_ENTRIES);
        for (uint256 i = 0; i < GRIEF_ENTRIES; i++) {
            address attacker = attackers[i % ATTACKERS];
            vm.startPrank(attacker);
            toCancel[i] = pool.requestRedeem(dust, attacker, attacker);
            pool.requestRedeem(dust, attacker, attacker);
            vm.stopPrank();
        }
        for (uint256 i = 0; i < GRIEF_ENTRIES; i++) {
            address attacker = attackers[i % ATTACKERS];
            vm.prank(attacker);
            pool.cancelRedeemRequest(toCancel[i], attacker);
        }
        _depositInto(pool, bob, VICTIM_DEPOSIT);
        honestRequest = _requestRedeem(bob, pool.balanceOf(bob));
    }
}
