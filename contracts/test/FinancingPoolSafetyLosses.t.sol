// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {HardwareAssetRegistry} from "../src/HardwareAssetRegistry.sol";
import {ProtocolFixture} from "./utils/ProtocolFixture.sol";

/// Issue 9, losses marked before they are final: a provision first (exits priced at once), a write-off within it,
/// beyond it only through the timelock, and recoveries as principal without fee.
contract FinancingPoolSafetyLossesTest is ProtocolFixture {
    bytes32 internal constant ADMIN_ROLE = 0x00;

    // ─── 4. Losses marked before they are final ────────────────────────────────────────────────────────────

    /// Before: the manager could write down any amount, unannounced, in one transaction (front-runnable).
    function test_lossesMarkedFirst_writeDownWithoutProvisionReverts() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 500e6);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsProvision.selector, assetA, 100e6, 0));
        vm.prank(manager);
        pool.recordWriteDown(assetA, 100e6);
    }

    /// Before: no impaired status was needed for a loss.
    function test_lossesMarkedFirst_impairmentNeedsImpairedStatus() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 500e6);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.AssetNotImpaired.selector, assetA));
        vm.prank(manager);
        pool.markImpairment(assetA, 100e6);

        vm.startPrank(manager);
        registry.setStatus(assetA, HardwareAssetRegistry.Status.Impaired);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsOutstanding.selector, assetA, 501e6, 500e6));
        pool.markImpairment(assetA, 501e6);
        vm.expectEmit(true, false, false, true, address(pool));
        emit PoolStorage.ProvisionUpdated(assetA, 0, 100e6);
        pool.markImpairment(assetA, 100e6);
        vm.stopPrank();
        assertEq(pool.totalProvisions(), 100e6);
    }

    /// Before: holders who saw a write-down in the mempool exited at the old price; a provision prices the expected
    /// loss into instant and queued exits at once.
    function test_lossesMarkedFirst_provisionRepricesInstantAndQueuedExitsAtOnce() public {
        _deposit(alice, 10_000e6);
        _deposit(bob, 10_000e6);
        _deploy(assetA, 10_000e6);
        uint256 bobShares = pool.balanceOf(bob);
        _requestRedeem(bob, bobShares);
        assertApproxEqAbs(pool.convertToAssets(1e18), 1e6, 1);

        _impair(assetA, 4_000e6);
        assertEq(pool.totalAssets(), 16_000e6);
        assertApproxEqAbs(pool.convertToAssets(1e18), 0.8e6, 1);
        assertApproxEqAbs(pool.previewRedeem(bobShares), 8_000e6, 1);

        // The queued exit is filled at the impaired price...
        uint256 queuedPrice = pool.previewRedeem(bobShares);
        _fill();
        (, uint128 bobAssets) = pool.claimableRedemption(bob);
        assertEq(bobAssets, queuedPrice);
        assertEq(_claimRedemption(bob), queuedPrice);

        // ...and so is an instant one.
        uint256 slice = pool.balanceOf(alice) / 10;
        uint256 instantPrice = pool.previewRedeem(slice);
        assertApproxEqAbs(instantPrice, 800e6, 1);
        vm.prank(alice);
        assertEq(pool.redeem(slice, alice, alice), instantPrice);
    }

    /// Before: there were no provisions; now the manager may raise one but only the admin (timelock) may lower it.
    function test_lossesMarkedFirst_managerCannotLowerProvision() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 500e6);
        _impair(assetA, 400e6);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, manager, ADMIN_ROLE)
        );
        vm.prank(manager);
        pool.markImpairment(assetA, 100e6);

        vm.expectEmit(true, false, false, true, address(pool));
        emit PoolStorage.ProvisionUpdated(assetA, 400e6, 100e6);
        vm.prank(admin);
        pool.markImpairment(assetA, 100e6);
        assertEq(pool.totalProvisions(), 100e6);
    }

    /// Before: a write-down moved the share price in one transaction; within a provision it is now price-neutral.
    function test_lossesMarkedFirst_writeDownWithinProvisionDoesNotMovePrice() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 500e6);
        _impair(assetA, 400e6);
        uint256 price = pool.convertToAssets(1e18);
        uint256 total = pool.totalAssets();

        vm.expectEmit(true, false, false, true, address(pool));
        emit PoolStorage.ProvisionUpdated(assetA, 400e6, 100e6);
        vm.expectEmit(true, false, false, true, address(pool));
        emit PoolStorage.PrincipalWrittenDown(assetA, 300e6);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 300e6);
        assertEq(pool.convertToAssets(1e18), price);
        assertEq(pool.totalAssets(), total);
        assertEq(pool.outstandingOf(assetA), 200e6);

        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsProvision.selector, assetA, 101e6, 100e6));
        vm.prank(manager);
        pool.recordWriteDown(assetA, 101e6);
    }

    /// Before: a recovery could only come back as revenue, paying the protocol fee.
    function test_lossesMarkedFirst_recoveryIsPrincipalWithoutFee() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 500e6);
        _impair(assetA, 400e6);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 400e6);

        uint256 treasuryBefore = usdc.balanceOf(treasury);
        uint256 totalBefore = pool.totalAssets();
        uint256 revenueBefore = pool.revenueHeld();
        usdc.mint(manager, 400e6);
        vm.expectEmit(true, true, false, true, address(pool));
        emit PoolStorage.PrincipalRecovered(assetA, manager, 250e6);
        vm.prank(manager);
        pool.recordRecovery(assetA, 250e6);
        assertEq(usdc.balanceOf(treasury), treasuryBefore, "no protocol fee");
        assertEq(pool.totalAssets(), totalBefore + 250e6, "all of it is principal");
        assertEq(pool.revenueHeld(), revenueBefore);

        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsWrittenDown.selector, assetA, 151e6, 150e6));
        vm.prank(manager);
        pool.recordRecovery(assetA, 151e6);
        vm.prank(manager);
        pool.recordRecovery(assetA, 150e6);
        (,, uint128 writtenDown, uint128 recovered,,) = pool.assetCapital(assetA);
        assertEq(recovered, writtenDown);
    }

    /// A loss beyond what was provisioned is the admin's (timelock), still bounded by what is outstanding.
    function test_lossesMarkedFirst_adminWritesDownBeyondProvision() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 500e6);
        _impair(assetA, 100e6);
        uint256 total = pool.totalAssets();

        vm.startPrank(admin);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsOutstanding.selector, assetA, 501e6, 500e6));
        pool.recordWriteDown(assetA, 501e6);
        pool.recordWriteDown(assetA, 300e6);
        vm.stopPrank();
        (,, uint128 writtenDown,, uint128 provision,) = pool.assetCapital(assetA);
        assertEq(writtenDown, 300e6);
        assertEq(provision, 0);
        assertEq(pool.totalAssets(), total - 200e6, "only the unprovisioned part moves the price");
    }
}
