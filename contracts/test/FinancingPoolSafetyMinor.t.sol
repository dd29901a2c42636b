// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FinancingPool} from "../src/FinancingPool.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {HardwareAssetRegistry} from "../src/HardwareAssetRegistry.sol";
import {MockUSDC} from "../src/MockUSDC.sol";
import {PoolFactory} from "../src/PoolFactory.sol";
import {ProtocolFixture} from "./utils/ProtocolFixture.sol";

/// Issue 9, the smaller findings: unvalidated factory defaults, unchecked pool code, dust distributions that
/// delayed all release, and a faucet token deployable anywhere. Each test says what went through before.
contract FinancingPoolSafetyMinorTest is ProtocolFixture {
    /// Before: setDefaults took any value, and a bad one made every later createPool revert.
    function test_setDefaults_rejectsInvalidValuesAndCreatePoolStillWorks() public {
        PoolFactory.Roles memory roles = _roles();
        vm.startPrank(admin);
        vm.expectRevert(PoolFactory.InvalidDefaults.selector);
        factory.setDefaults(treasury, 2_001, STREAM, roles);
        vm.expectRevert(PoolFactory.InvalidDefaults.selector);
        factory.setDefaults(treasury, FEE_BPS, 1 hours - 1, roles);
        vm.expectRevert(PoolFactory.InvalidDefaults.selector);
        factory.setDefaults(treasury, FEE_BPS, 90 days + 1, roles);
        vm.expectRevert(PoolFactory.InvalidDefaults.selector);
        factory.setDefaults(address(0), FEE_BPS, STREAM, roles);
        for (uint256 i = 0; i < 4; i++) {
            PoolFactory.Roles memory bad = _roles();
            if (i == 0) bad.admin = address(0);
            if (i == 1) bad.manager = address(0);
            if (i == 2) bad.reporter = address(0);
            if (i == 3) bad.guardian = address(0);
            vm.expectRevert(PoolFactory.InvalidDefaults.selector);
            factory.setDefaults(treasury, FEE_BPS, STREAM, bad);
        }
        // The defaults are unchanged and pools can still be created.
        assertEq(factory.protocolFeeBps(), FEE_BPS);
        assertEq(factory.revenueStreamDuration(), STREAM);
        FinancingPool next = _createPool("Ashburn H100 Round 2", "myASH2");
        assertEq(next.protocolFeeBps(), FEE_BPS);

        // The bounds themselves are valid.
        factory.setDefaults(treasury, 2_000, 1 hours, roles);
        _createPool("Ashburn H100 Round 3", "myASH3");
        factory.setDefaults(treasury, 0, 90 days, roles);
        _createPool("Ashburn H100 Round 4", "myASH4");
        vm.stopPrank();
    }

    /// Before: createPool deployed whatever it embedded; now only code that hashes to poolCodeHash.
    function test_createPool_unknownCodeReverts() public {
        PoolFactory.PoolConfig memory config = PoolFactory.PoolConfig({
            projectId: projectId,
            name: "Ashburn H100 Round 2",
            symbol: "myASH2",
            depositCap: CAP,
            minDeposit: MIN_DEPOSIT,
            permissioned: false,
            metadataURI: "/metadata/pools/ashburn-2.json",
            metadataHash: keccak256("m")
        });
        vm.startPrank(admin);
        vm.expectRevert(PoolFactory.UnknownPoolCode.selector);
        factory.createPool(config, hex"6080604052");
        vm.expectRevert(PoolFactory.UnknownPoolCode.selector);
        factory.createPool(config, bytes.concat(type(FinancingPool).creationCode, hex"00"));
        factory.createPool(config, type(FinancingPool).creationCode);
        vm.stopPrank();
    }

    /// Before: a reporter could send 1-wei distributions without limit.
    function test_distribution_belowMinimumReverts() public {
        _deposit(alice, 1_000e6);
        assertEq(pool.minDistribution(), 1e6);
        usdc.mint(reporter, 2e6);
        vm.startPrank(reporter);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.BelowMinimumDistribution.selector, 1, 1e6));
        pool.distributeRevenue(assetA, 1, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.BelowMinimumDistribution.selector, 1e6 - 1, 1e6));
        pool.distributeRevenue(assetA, 1e6 - 1, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        PoolStorage.Distribution[] memory batch = new PoolStorage.Distribution[](2);
        batch[0] = PoolStorage.Distribution(assetA, 1e6, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        batch[1] = PoolStorage.Distribution(assetB, 1, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.BelowMinimumDistribution.selector, 1, 1e6));
        pool.distributeRevenueBatch(batch);
        pool.distributeRevenue(assetA, 1e6, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        vm.stopPrank();
    }

    /// Before: each distribution reset the stream's end to now + 7 days, so dust pushed back all release.
    function test_distribution_dustCannotDelayRelease() public {
        _deposit(alice, 1_000_000e6);
        _distribute(100_000e6);
        uint64 end = pool.streamEnd();
        assertEq(end, block.timestamp + STREAM);

        // A day later, a 1 USDC distribution (and then a hundred more) barely moves the end.
        vm.warp(block.timestamp + 1 days);
        _distribute(1e6);
        assertLe(pool.streamEnd() - end, 5, "one dust distribution: a few seconds at most");
        for (uint256 i = 0; i < 100; i++) {
            vm.warp(block.timestamp + 1 minutes);
            _distribute(1e6);
        }
        assertLe(pool.streamEnd() - end, 10 minutes, "a hundred of them: minutes, not days");

        // What was streaming is released about when it was due.
        vm.warp(end + 10 minutes);
        assertEq(pool.streamingRevenue(), 0);
        assertApproxEqAbs(pool.claimableRevenue(alice), _net(100_000e6) + 101 * _net(1e6), 1e6);
    }

    /// Before: MockUSDC's open faucet could be deployed on any chain.
    function test_mockUsdc_refusesNonLocalChain() public {
        vm.chainId(8453);
        vm.expectRevert(abi.encodeWithSelector(MockUSDC.NotALocalChain.selector, 8453));
        new MockUSDC();
        vm.chainId(1);
        vm.expectRevert(abi.encodeWithSelector(MockUSDC.NotALocalChain.selector, 1));
        new MockUSDC();

        vm.chainId(31337);
        assertEq(new MockUSDC().decimals(), 6);
        vm.chainId(1337);
        new MockUSDC();
    }

    function _roles() internal view returns (PoolFactory.Roles memory) {
        return PoolFactory.Roles({
            admin: admin, manager: manager, reporter: reporter, guardian: guardian, compliance: compliance
        });
    }

    // ─── Packed storage (gas): amounts revert at their bound, never wrap ──────────────────────────────────

    function test_packedLimits_revertAtTheirBoundInsteadOfWrapping() public {
        vm.startPrank(manager);
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 64, 2 ** 64));
        pool.setDepositLimits(2 ** 64, MIN_DEPOSIT);
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 48, 2 ** 48));
        pool.setDepositLimits(2 ** 64 - 1, 2 ** 48);
        pool.setDepositLimits(2 ** 64 - 1, 2 ** 48 - 1);
        vm.stopPrank();
        assertEq(pool.depositCap(), 2 ** 64 - 1);
        assertEq(pool.minDeposit(), 2 ** 48 - 1);
    }

    /// The supply and idle cash share one slot, the status, limits and principal another: every field keeps its
    /// own value through deposits, deployments, provisions and exits (the hot paths read them as whole words).
    function test_packedSlots_keepEachFieldApart() public {
        usdc.mint(alice, 1_000_000e6);
        vm.startPrank(alice);
        usdc.approve(address(pool), type(uint256).max);
        pool.deposit(600_000e6, alice);
        vm.stopPrank();
        vm.prank(manager);
        pool.deployCapital(assetA, 250_000e6);
        vm.prank(manager); // the fixture's registrar
        registry.setStatus(assetA, HardwareAssetRegistry.Status.Impaired);
        vm.prank(manager);
        pool.markImpairment(assetA, 40_000e6);
        vm.prank(alice);
        uint256 requestId = pool.requestRedeem(500_000e18, alice, alice);
        assertEq(pool.idle(), 350_000e6);
        assertEq(pool.outstandingPrincipal(), 250_000e6);
        assertEq(pool.totalProvisions(), 40_000e6);
        assertEq(pool.totalAssets(), 560_000e6);
        assertEq(pool.totalSupply(), 600_000e18);
        assertEq(pool.queueHead(), requestId);
        assertEq(pool.depositCap(), CAP);
        assertEq(pool.minDeposit(), MIN_DEPOSIT);
        assertEq(uint8(pool.status()), uint8(PoolStorage.Status.Active));
        // With someone queued, an instant exit is refused (it would jump the queue), though idle cash is there.
        assertEq(pool.maxRedeem(alice), 0);
        vm.prank(alice);
        vm.expectRevert();
        pool.redeem(1e18, alice, alice);
        vm.prank(guardian);
        pool.pause();
        assertTrue(pool.paused());
        assertEq(pool.maxDeposit(alice), 0);
        assertEq(pool.totalAssets(), 560_000e6, "pausing moves no other field");
    }
}
