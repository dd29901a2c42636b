// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FinancingPool} from "../src/FinancingPool.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {HardwareAssetRegistry} from "../src/HardwareAssetRegistry.sol";
import {PoolSecurityFixture} from "./utils/PoolSecurityFixture.sol";

/// Losses and recoveries: provisions (markImpairment), write-downs, recoveries, and totalAssets through them.
contract FinancingPoolImpairmentsTest is PoolSecurityFixture {
    /// The loss hits the share price when it is provisioned (markImpairment), not when it is written off.
    function test_markImpairment_lowersSharePrice_writeDownIsPriceNeutral() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 800e6);
        uint256 priceBefore = pool.previewRedeem(1e18);
        assertEq(priceBefore, 1e6);

        vm.startPrank(manager);
        registry.setStatus(assetA, HardwareAssetRegistry.Status.Impaired);
        vm.expectEmit(true, false, false, true, address(pool));
        emit ProvisionUpdated(assetA, 0, 500e6);
        pool.markImpairment(assetA, 500e6);
        vm.stopPrank();

        assertEq(pool.totalAssets(), 500e6);
        assertEq(pool.totalProvisions(), 500e6);
        assertEq(pool.outstandingPrincipal(), 800e6);
        assertEq(pool.previewRedeem(1e18), 500_000, "share price halves");

        vm.expectEmit(true, false, false, true, address(pool));
        emit ProvisionUpdated(assetA, 500e6, 0);
        vm.expectEmit(true, false, false, true, address(pool));
        emit PrincipalWrittenDown(assetA, 500e6);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 500e6);

        assertEq(pool.totalAssets(), 500e6);
        assertEq(pool.totalProvisions(), 0);
        assertEq(pool.outstandingPrincipal(), 300e6);
        assertEq(pool.outstandingOf(assetA), 300e6);
        assertEq(pool.idle(), 200e6);
        assertEq(pool.previewRedeem(1e18), 500_000, "the write-off itself does not move the price");
        (,, uint128 writtenDown,, uint128 provision,) = pool.assetCapital(assetA);
        assertEq(writtenDown, 500e6);
        assertEq(provision, 0);
        // No USDC moves.
        assertEq(usdc.balanceOf(address(pool)), 200e6);
        assertEq(usdc.balanceOf(operator), 800e6);

        vm.expectRevert(PoolStorage.ZeroAmount.selector);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 0);

        // Repayment after a write-down is capped by what remains outstanding.
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsOutstanding.selector, assetA, 300e6 + 1, 300e6));
        vm.prank(manager);
        pool.recordRepayment(assetA, 300e6 + 1);
        _assertBooks(pool);
    }

    /// The manager writes off only what was provisioned first; anything more is the admin's (the timelock).
    function test_recordWriteDown_managerOnlyWithinProvision() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 800e6);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsProvision.selector, assetA, 500e6, 0));
        vm.prank(manager);
        pool.recordWriteDown(assetA, 500e6);

        _impair(assetA, 200e6);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsProvision.selector, assetA, 200e6 + 1, 200e6));
        vm.prank(manager);
        pool.recordWriteDown(assetA, 200e6 + 1);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 150e6);
        assertEq(pool.totalProvisions(), 50e6);
        assertEq(pool.totalAssets(), 800e6);

        // The admin may write off beyond the provision (the price falls by the excess), up to outstanding.
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsOutstanding.selector, assetA, 650e6 + 1, 650e6));
        vm.prank(admin);
        pool.recordWriteDown(assetA, 650e6 + 1);
        vm.prank(admin);
        pool.recordWriteDown(assetA, 250e6);
        assertEq(pool.totalProvisions(), 0, "the provision is used first");
        assertEq(pool.totalAssets(), 600e6);
        assertEq(pool.outstandingOf(assetA), 400e6);
        _assertBooks(pool);
    }

    function test_markImpairment_rules() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 800e6);
        // Only for an asset the registry marks impaired.
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.AssetNotImpaired.selector, assetA));
        vm.prank(manager);
        pool.markImpairment(assetA, 100e6);

        vm.prank(manager);
        registry.setStatus(assetA, HardwareAssetRegistry.Status.Impaired);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsOutstanding.selector, assetA, 800e6 + 1, 800e6));
        vm.prank(manager);
        pool.markImpairment(assetA, 800e6 + 1);
        vm.prank(manager);
        pool.markImpairment(assetA, 300e6);

        // The manager cannot lower it (that would raise the price at will); the admin can.
        vm.expectRevert(_unauthorized(manager, adminRole));
        vm.prank(manager);
        pool.markImpairment(assetA, 100e6);
        vm.expectEmit(true, false, false, true, address(pool));
        emit ProvisionUpdated(assetA, 300e6, 100e6);
        vm.prank(admin);
        pool.markImpairment(assetA, 100e6);
        assertEq(pool.totalAssets(), 900e6);

        // A repayment caps the provision at what is still outstanding.
        vm.prank(admin);
        pool.markImpairment(assetA, 0);
        vm.prank(manager);
        pool.markImpairment(assetA, 700e6);
        usdc.mint(manager, 300e6);
        vm.expectEmit(true, false, false, true, address(pool));
        emit ProvisionUpdated(assetA, 700e6, 500e6);
        vm.prank(manager);
        pool.recordRepayment(assetA, 300e6);
        (,,,, uint128 provision,) = pool.assetCapital(assetA);
        assertEq(provision, 500e6);
        assertEq(pool.totalProvisions(), 500e6);
        _assertBooks(pool);
    }

    /// Money recovered on written-off principal comes back as principal: no protocol fee, price rises.
    function test_recordRecovery_returnsPrincipal() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 800e6);
        _impair(assetA, 400e6);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 400e6);
        assertEq(pool.totalAssets(), 600e6);

        usdc.mint(manager, 500e6);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsWrittenDown.selector, assetA, 400e6 + 1, 400e6));
        vm.prank(manager);
        pool.recordRecovery(assetA, 400e6 + 1);
        vm.expectRevert(PoolStorage.ZeroAmount.selector);
        vm.prank(manager);
        pool.recordRecovery(assetA, 0);

        vm.expectEmit(true, true, false, true, address(pool));
        emit PrincipalRecovered(assetA, manager, 250e6);
        vm.prank(manager);
        pool.recordRecovery(assetA, 250e6);
        assertEq(pool.idle(), 450e6);
        assertEq(pool.totalAssets(), 850e6);
        assertEq(usdc.balanceOf(treasury), 0, "no fee on principal");
        (,,, uint128 recovered,,) = pool.assetCapital(assetA);
        assertEq(recovered, 250e6);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsWrittenDown.selector, assetA, 150e6 + 1, 150e6));
        vm.prank(manager);
        pool.recordRecovery(assetA, 150e6 + 1);
        _assertBooks(pool);
    }

    function test_recordWriteDown_revertsForAssetOfAnotherPool() public {
        FinancingPool other = _secondPool();
        vm.prank(manager);
        uint256 foreign =
            registry.registerAsset(address(other), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100", 8, "", "");
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.AssetNotInPool.selector, foreign));
        vm.prank(manager);
        pool.recordWriteDown(foreign, 1);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.AssetNotInPool.selector, foreign));
        vm.prank(manager);
        pool.recordRepayment(foreign, 1);
    }

    function testFuzz_totalAssetsIsIdlePlusOutstandingMinusProvisions(
        uint256 dep,
        uint256 d,
        uint256 p,
        uint256 w,
        uint256 r
    ) public {
        dep = bound(dep, MIN_DEPOSIT, CAP);
        _deposit(alice, dep);
        _assertBooks(pool);
        d = bound(d, 1, dep);
        _deploy(assetA, d);
        _assertBooks(pool);
        assertEq(pool.totalAssets(), dep);
        p = bound(p, 0, d);
        if (p > 0) _impair(assetA, p);
        _assertBooks(pool);
        assertEq(pool.totalAssets(), dep - p);
        w = bound(w, 0, p);
        if (w > 0) {
            vm.prank(manager);
            pool.recordWriteDown(assetA, w);
        }
        _assertBooks(pool);
        assertEq(pool.totalAssets(), dep - p, "a write-down within the provision is price-neutral");
        r = bound(r, 0, d - w);
        if (r > 0) _repay(assetA, r);
        _assertBooks(pool);
        // The provision never exceeds what is still outstanding.
        uint256 provision = p - w < d - w - r ? p - w : d - w - r;
        assertEq(pool.totalProvisions(), provision);
        assertEq(pool.totalAssets(), dep - w - provision);
        assertEq(pool.outstandingOf(assetA), d - w - r);
        assertEq(pool.idle(), dep - d + r);
    }
}
