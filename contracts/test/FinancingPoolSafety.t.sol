// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {FinancingPool} from "../src/FinancingPool.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {HardwareAssetRegistry} from "../src/HardwareAssetRegistry.sol";
import {PoolFactory} from "../src/PoolFactory.sol";
import {ProtocolTimelock} from "../src/ProtocolTimelock.sol";
import {ProtocolFixture} from "./utils/ProtocolFixture.sol";

/// Issue 9: one test per attack or finding on roles and pause, each named for the attack and saying what went
/// through before. Losses are in FinancingPoolSafetyLosses.t.sol, the queue-griefing figures in
/// FinancingPoolQueueGas.t.sol, the ERC-7540 interface and permissioned pools in FinancingPoolSafetyExits.t.sol,
/// the smaller fixes in FinancingPoolSafetyMinor.t.sol.
contract FinancingPoolSafetyTest is ProtocolFixture {
    uint256 internal constant TIMELOCK_DELAY = 2 days;
    bytes32 internal constant ADMIN_ROLE = 0x00;
    /// TimelockController's bitmap for "expected the Ready state" (1 << OperationState.Ready).
    bytes32 internal constant READY = bytes32(uint256(1) << uint8(TimelockController.OperationState.Ready));

    // ─── 2. One key cannot take all idle cash ──────────────────────────────────────────────────────────────

    /// Before: the manager, also registrar, registered an asset it operated and deployed every idle dollar to it.
    function test_managerDrain_assetOperatedByManagerCannotReceiveCapital() public {
        _deposit(alice, 1_000_000e6);
        vm.prank(manager);
        uint256 rogue = registry.registerAsset(
            address(pool), manager, HardwareAssetRegistry.Kind.GpuCluster, "H100 SXM", 64, "Nowhere", "ipfs://r"
        );
        // Even with a limit set for it, the asset's operator is not the project's.
        vm.prank(admin);
        pool.setAssetLimit(rogue, CAP);

        vm.expectRevert(abi.encodeWithSelector(PoolStorage.AssetOperatorNotProject.selector, rogue, manager));
        _deploy(rogue, 1_000_000e6);

        // Nor can it route capital through an asset that belongs to another pool.
        vm.prank(manager);
        uint256 elsewhere = registry.registerAsset(
            address(0xBEEF), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100 SXM", 64, "Nowhere", "ipfs://e"
        );
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.AssetNotInPool.selector, elsewhere));
        _deploy(elsewhere, 1_000_000e6);
        assertEq(pool.idle(), 1_000_000e6);
    }

    /// Before: there was no cap; one deployCapital could send all idle cash to one asset at once.
    function test_managerDrain_capitalOverAssetLimitReverts() public {
        _deposit(alice, 1_000_000e6);
        vm.prank(admin);
        pool.setAssetLimit(assetA, 100_000e6);
        _deploy(assetA, 60_000e6);

        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsAssetLimit.selector, assetA, 100_001e6, 100_000e6));
        _deploy(assetA, 40_001e6);
        _deploy(assetA, 40_000e6);

        // A new asset starts with no limit at all: nothing can go to it until the admin sets one.
        vm.prank(manager);
        uint256 fresh = registry.registerAsset(
            address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "B200", 8, "Ashburn, VA", "ipfs://f"
        );
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsAssetLimit.selector, fresh, 1e6, 0));
        _deploy(fresh, 1e6);
    }

    /// Before: the manager set its own limits (there were none) and fees were the pool admin's with no delay.
    function test_managerDrain_managerCannotSetLimitsOrFees() public {
        vm.startPrank(manager);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, manager, ADMIN_ROLE)
        );
        pool.setAssetLimit(assetA, type(uint128).max);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, manager, ADMIN_ROLE)
        );
        pool.setProtocolFee(manager, 0);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, manager, ADMIN_ROLE)
        );
        pool.grantRole(ADMIN_ROLE, manager);
        vm.stopPrank();
    }

    /// Before: deployCapital could spend the cash that queued exits were waiting for.
    function test_managerDrain_cannotDeployWhatPendingExitsAreOwed() public {
        _deposit(alice, 1_000e6);
        _deposit(bob, 1_000e6);
        _requestRedeem(bob, pool.balanceOf(bob));
        assertEq(pool.deployableCapital(), 1_000e6);

        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsDeployable.selector, 1_000e6 + 1, 1_000e6));
        _deploy(assetA, 1_000e6 + 1);
        _deploy(assetA, 1_000e6);

        // What stays behind pays bob in full.
        _fill();
        assertEq(_claimRedemption(bob), 1_000e6);
    }

    /// Before: limits and fees changed in one transaction. Now the pools' admin is a TimelockController: a change
    /// is scheduled in public and runs only after the delay.
    function test_timelock_assetLimitWaitsOutTheDelay() public {
        (ProtocolTimelock timelock, FinancingPool tpool, uint256 asset) = _timelockedPool();
        // The proposer's own key is not the pool's admin: it can only go through the timelock.
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, admin, ADMIN_ROLE)
        );
        vm.prank(admin);
        tpool.setAssetLimit(asset, 500_000e6);

        bytes memory call = abi.encodeCall(tpool.setAssetLimit, (asset, 500_000e6));
        bytes32 id = timelock.hashOperation(address(tpool), 0, call, bytes32(0), bytes32(0));
        // Neither a shorter delay nor a proposer other than the admin.
        vm.expectRevert(
            abi.encodeWithSelector(TimelockController.TimelockInsufficientDelay.selector, 1 days, TIMELOCK_DELAY)
        );
        vm.prank(admin);
        timelock.schedule(address(tpool), 0, call, bytes32(0), bytes32(0), 1 days);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, manager, timelock.PROPOSER_ROLE()
            )
        );
        vm.prank(manager);
        timelock.schedule(address(tpool), 0, call, bytes32(0), bytes32(0), TIMELOCK_DELAY);

        vm.prank(admin);
        timelock.schedule(address(tpool), 0, call, bytes32(0), bytes32(0), TIMELOCK_DELAY);
        vm.warp(block.timestamp + TIMELOCK_DELAY - 1);
        vm.expectRevert(abi.encodeWithSelector(TimelockController.TimelockUnexpectedOperationState.selector, id, READY));
        timelock.execute(address(tpool), 0, call, bytes32(0), bytes32(0));
        assertEq(_limitOf(tpool, asset), 0);

        vm.warp(block.timestamp + 1);
        vm.prank(carol); // anyone executes once the delay is over
        timelock.execute(address(tpool), 0, call, bytes32(0), bytes32(0));
        assertEq(_limitOf(tpool, asset), 500_000e6);
        assertTrue(timelock.isOperationDone(id));
    }

    /// Before: a fee change took effect at once. The guardian (canceller) can stop a scheduled change.
    function test_timelock_guardianCancelsScheduledFeeChange() public {
        (ProtocolTimelock timelock, FinancingPool tpool,) = _timelockedPool();
        bytes memory call = abi.encodeCall(tpool.setProtocolFee, (carol, 2_000));
        bytes32 id = timelock.hashOperation(address(tpool), 0, call, bytes32(0), bytes32(0));
        vm.prank(admin);
        timelock.schedule(address(tpool), 0, call, bytes32(0), bytes32(0), TIMELOCK_DELAY);

        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, manager, timelock.CANCELLER_ROLE()
            )
        );
        vm.prank(manager);
        timelock.cancel(id);
        vm.expectEmit(true, false, false, false, address(timelock));
        emit TimelockController.Cancelled(id);
        vm.prank(guardian);
        timelock.cancel(id);

        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectRevert(abi.encodeWithSelector(TimelockController.TimelockUnexpectedOperationState.selector, id, READY));
        timelock.execute(address(tpool), 0, call, bytes32(0), bytes32(0));
        assertEq(tpool.treasury(), treasury);
        assertEq(tpool.protocolFeeBps(), FEE_BPS);

        // Scheduled again and not cancelled, the same change goes through once its own delay is over.
        vm.prank(admin);
        timelock.schedule(address(tpool), 0, call, bytes32(0), bytes32(uint256(1)), TIMELOCK_DELAY);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        timelock.execute(address(tpool), 0, call, bytes32(0), bytes32(uint256(1)));
        assertEq(tpool.treasury(), carol);
        assertEq(tpool.protocolFeeBps(), 2_000);
    }

    // ─── 3. Pause that pauses ──────────────────────────────────────────────────────────────────────────────

    /// Before: after pause(), deployCapital, write-downs, share transfers and redemption requests still went through.
    function test_pause_stopsEveryManagerReporterAndInvestorAction() public {
        _deposit(alice, 10_000e6);
        _deposit(bob, 10_000e6);
        _deposit(carol, 1_000e6);
        _deploy(assetA, 16_000e6);
        _distribute(1_000e6);
        usdc.mint(manager, 1_000e6);
        usdc.mint(reporter, 1_000e6);

        vm.prank(guardian);
        pool.pause();

        bytes memory paused = abi.encodeWithSelector(Pausable.EnforcedPause.selector);
        vm.startPrank(manager);
        vm.expectRevert(paused);
        pool.deployCapital(assetA, 1e6);
        vm.expectRevert(paused);
        pool.recordRepayment(assetA, 1e6);
        vm.expectRevert(paused);
        pool.markImpairment(assetA, 1e6);
        vm.expectRevert(paused);
        pool.recordWriteDown(assetA, 1e6);
        vm.expectRevert(paused);
        pool.recordRecovery(assetA, 1e6);
        vm.expectRevert(paused);
        pool.setDepositLimits(CAP, MIN_DEPOSIT);
        vm.expectRevert(paused);
        pool.activate();
        vm.expectRevert(paused);
        pool.close();
        vm.stopPrank();

        vm.startPrank(reporter);
        vm.expectRevert(paused);
        pool.distributeRevenue(assetA, 1e6, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        PoolStorage.Distribution[] memory batch = new PoolStorage.Distribution[](1);
        batch[0] = PoolStorage.Distribution(assetA, 1e6, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        vm.expectRevert(paused);
        pool.distributeRevenueBatch(batch);
        vm.stopPrank();

        // Investors: no deposit (maxDeposit is 0 while paused), transfer, request, fill or instant exit.
        usdc.mint(carol, 1_000e6);
        uint256 carolShares = pool.balanceOf(carol);
        vm.startPrank(carol);
        usdc.approve(address(pool), 1_000e6);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, carol, 1_000e6, 0));
        pool.deposit(1_000e6, carol);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxMint.selector, carol, 1e18, 0));
        pool.mint(1e18, carol);
        vm.expectRevert(paused);
        pool.transfer(alice, 1e18);
        pool.approve(alice, 1e18);
        vm.expectRevert(paused);
        pool.requestRedeem(carolShares, carol, carol);
        vm.expectRevert(paused);
        pool.fillRedemptions(1);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxRedeem.selector, carol, 1e18, 0));
        pool.redeem(1e18, carol, carol);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxWithdraw.selector, carol, 1e6, 0));
        pool.withdraw(1e6, carol, carol);
        vm.stopPrank();
        vm.expectRevert(paused);
        vm.prank(alice);
        pool.transferFrom(carol, alice, 1e18);

        // Only the guardian pauses and unpauses; after unpause everything works again.
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, manager, pool.GUARDIAN_ROLE()
            )
        );
        vm.prank(manager);
        pool.unpause();
        vm.prank(guardian);
        pool.unpause();
        _deposit(carol, 1_000e6);
        _deploy(assetA, 1e6);
    }

    /// Before: pause had no statement of what stays open. Investors keep revenue owed, filled exits and cancels.
    function test_pause_leavesOwedRevenueFilledExitsAndCancelOpen() public {
        _deposit(alice, 10_000e6);
        _deposit(bob, 10_000e6);
        _deploy(assetA, 15_000e6);
        _distribute(1_000e6);
        _requestRedeem(alice, pool.previewWithdraw(2_000e6));
        _fill();
        uint256 bobRequest = _requestRedeem(bob, pool.balanceOf(bob));
        vm.warp(block.timestamp + STREAM);

        vm.prank(guardian);
        pool.pause();

        uint256 owed = pool.claimableRevenue(alice);
        assertGt(owed, 0);
        vm.prank(alice);
        assertEq(pool.claim(alice), owed);

        (uint128 filledShares, uint128 filledAssets) = pool.claimableRedemption(alice);
        uint256 before = usdc.balanceOf(alice);
        vm.prank(alice);
        assertEq(pool.redeem(filledShares, alice, alice), filledAssets);
        assertEq(usdc.balanceOf(alice) - before, filledAssets);

        uint256 bobShares = pool.balanceOf(bob);
        vm.prank(bob);
        pool.cancelRedeemRequest(bobRequest, bob);
        assertEq(pool.lockedShares(bob), 0);
        assertEq(pool.unlockedShares(bob), bobShares);
        assertEq(pool.pendingRedeemShares(), 0);
    }

    // ─── helpers ───────────────────────────────────────────────────────────────────────────────────────────

    function _roles() internal view returns (PoolFactory.Roles memory) {
        return PoolFactory.Roles({
            admin: admin, manager: manager, reporter: reporter, guardian: guardian, compliance: compliance
        });
    }

    function _limitOf(FinancingPool p, uint256 assetId) internal view returns (uint256 limit) {
        (,,,,, limit) = p.assetCapital(assetId);
    }

    /// A pool whose admin is a real ProtocolTimelock, set up as the seed does: the admin key proposes, anyone
    /// executes after the delay, the guardian cancels, and the timelock administers itself.
    function _timelockedPool() internal returns (ProtocolTimelock timelock, FinancingPool tpool, uint256 asset) {
        address[] memory proposers = new address[](1);
        proposers[0] = admin;
        address[] memory executors = new address[](1);
        executors[0] = address(0);
        timelock = new ProtocolTimelock(TIMELOCK_DELAY, proposers, executors, address(this));
        timelock.grantRole(timelock.CANCELLER_ROLE(), guardian);
        timelock.renounceRole(ADMIN_ROLE, address(this));

        PoolFactory.Roles memory roles = _roles();
        roles.admin = address(timelock);
        PoolFactory timelocked = new PoolFactory(
            usdc, registry, admin, treasury, FEE_BPS, STREAM, roles, keccak256(type(FinancingPool).creationCode)
        );
        vm.startPrank(admin);
        uint256 project = timelocked.registerProject(
            operator, PoolStorage.Category.Compute, "Ashburn GPU Cloud", "/metadata/projects/ashburn.json", "p"
        );
        tpool = timelocked.createPool(
            PoolFactory.PoolConfig({
                projectId: project,
                name: "Ashburn H100 Timelocked",
                symbol: "myASHT",
                depositCap: CAP,
                minDeposit: MIN_DEPOSIT,
                permissioned: false,
                metadataURI: "/metadata/pools/ashburn-t.json",
                metadataHash: keccak256("m")
            }),
            type(FinancingPool).creationCode
        );
        vm.stopPrank();
        assertTrue(tpool.hasRole(ADMIN_ROLE, address(timelock)));
        assertFalse(tpool.hasRole(ADMIN_ROLE, admin));
        vm.prank(manager);
        asset = registry.registerAsset(
            address(tpool), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100 SXM", 64, "Ashburn, VA", "ipfs://t"
        );
    }
}
